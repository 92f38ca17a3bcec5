package dev.rover.core.page;

/** One option of a select or listbox: what a person reads, what the form sends, and its position. */
public record SelectOption(String label, String value, int index, boolean selected) {
    public SelectOption {
        label = label == null ? "" : label;
        value = value == null ? "" : value;
    }
}
