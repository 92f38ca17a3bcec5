package dev.rover.core.page;

/**
 * Where an element action applies: an element id from the latest {@link PageSnapshot}, or a
 * selector (CSS, or {@code xpath=...}) written by a person or recorded by a previous run.
 */
public record Target(String elementId, String selector) {

    public Target {
        if ((elementId == null || elementId.isBlank()) && (selector == null || selector.isBlank())) {
            throw new IllegalArgumentException("a target needs an element id or a selector");
        }
    }

    /** The element with this short id. */
    public static Target id(String elementId) {
        return new Target(elementId, null);
    }

    /** The first element matching this selector. */
    public static Target selector(String selector) {
        return new Target(null, selector);
    }

    /** True when this target names an element id. */
    public boolean hasId() {
        return elementId != null && !elementId.isBlank();
    }

    @Override
    public String toString() {
        return hasId() ? elementId : selector;
    }
}
