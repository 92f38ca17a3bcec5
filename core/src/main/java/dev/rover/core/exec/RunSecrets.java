package dev.rover.core.exec;

/**
 * The secrets of one run as blocks need them: placeholders become real values only when typed
 * ({@link #resolve}), and anything recorded is scrubbed first ({@link #redact}, {@link #redactDeep}).
 */
public interface RunSecrets {

    /** Replaces placeholders with their real values (and TOTP placeholders with a fresh code). */
    String resolve(String text);

    /** Replaces every real secret value in the text with its placeholder. */
    String redact(String text);

    /** Redacts every string inside maps and lists. */
    Object redactDeep(Object value);

    /**
     * Why these texts (a request's headers and body, holding placeholders) must not be sent to {@code url}: one of
     * them holds a credential bound to other origins. The reason names the credential and the URL's origin, never a
     * value. Empty when they may go there. Secrets not bound to origins (generic secrets stored without one, AWS
     * secrets) may go wherever the workflow sends them.
     */
    default java.util.Optional<String> refuseSending(java.util.Collection<String> texts, String url) {
        return java.util.Optional.empty();
    }

    /** A run without secrets. */
    RunSecrets NONE = new RunSecrets() {
        @Override public String resolve(String text) { return text; }
        @Override public String redact(String text) { return text; }
        @Override public Object redactDeep(Object value) { return value; }
    };
}
