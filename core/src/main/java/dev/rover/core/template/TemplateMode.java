package dev.rover.core.template;

/**
 * How templates treat a name that has no value: {@link #LAX} renders it as empty text (Skyvern's
 * default), {@link #STRICT} fails naming the variable, so a typo in a workflow cannot go unnoticed.
 */
public enum TemplateMode {
    LAX, STRICT
}
