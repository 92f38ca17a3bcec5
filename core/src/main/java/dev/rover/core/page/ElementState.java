package dev.rover.core.page;

/** The boolean state of an element that matters for deciding and for acting on it. */
public record ElementState(
        boolean checked,
        boolean selected,
        boolean disabled,
        boolean readonly,
        boolean required,
        boolean expanded,
        boolean editable) {

    /** No flag set. */
    public static final ElementState NONE = new ElementState(false, false, false, false, false, false, false);

    public ElementState withChecked(boolean v) { return new ElementState(v, selected, disabled, readonly, required, expanded, editable); }
    public ElementState withDisabled(boolean v) { return new ElementState(checked, selected, v, readonly, required, expanded, editable); }
    public ElementState withReadonly(boolean v) { return new ElementState(checked, selected, disabled, v, required, expanded, editable); }
    public ElementState withRequired(boolean v) { return new ElementState(checked, selected, disabled, readonly, v, expanded, editable); }
}
