package dev.rover.core.template;

/**
 * A template could not be rendered: a syntax error, or (in strict mode) an undefined variable.
 * The message names the template so the user can find it in the workflow file.
 */
public final class TemplateException extends RuntimeException {

    private final String template;
    private final String variable;

    public TemplateException(String message, String template, String variable) {
        super(message);
        this.template = template;
        this.variable = variable;
    }

    /** The template text that failed. */
    public String template() {
        return template;
    }

    /** The undefined variable (strict mode), or null for other errors. */
    public String variable() {
        return variable;
    }
}
