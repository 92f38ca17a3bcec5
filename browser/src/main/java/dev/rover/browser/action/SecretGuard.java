package dev.rover.browser.action;

import java.util.List;
import java.util.Optional;

/**
 * Decides where a run's secrets may go, so the browser can refuse an action before a secret reaches
 * the wrong site: typing a secret placeholder into a field of a frame from another origin (a
 * look-alike login form in a foreign iframe), or submitting a form holding a secret to another
 * origin. It also tells screenshots which texts show a secret, so they can be covered. Refusals are
 * action failures whose reason names origins, never secret values.
 */
public interface SecretGuard {

    /** Whether the run holds any secret at all; when not, no check or masking is needed. */
    boolean holdsSecrets();

    /** Whether text the engine asked to type holds a secret placeholder. */
    boolean holdsPlaceholder(String text);

    /**
     * Why typing {@code text} (with its placeholders unresolved) must not happen, or empty to allow it.
     *
     * @param pageUrl  the URL of the tab's top-level page
     * @param frameUrl the URL that gives the field's frame its origin
     */
    Optional<String> refuseTyping(String text, String pageUrl, String frameUrl);

    /**
     * Why submitting a form to {@code actionUrl} must not happen, or empty to allow it.
     *
     * @param fieldValues the non-empty values of the form's fields (real values: use them only to find secrets)
     */
    Optional<String> refuseSubmit(List<String> fieldValues, String actionUrl);

    /**
     * Tells the guard that the workflow or task itself opened a page (its url), not an engine; a
     * credential not yet bound to an origin may be bound to the origin of such a page.
     */
    default void opened(String requestedUrl, String landedUrl) {
    }

    /** Whether text shown on a page holds a secret or a piece of one long enough to count. */
    boolean revealsSecret(String text);

    /** A run without secrets: everything is allowed and nothing is covered. */
    SecretGuard NONE = new SecretGuard() {
        @Override public boolean holdsSecrets() { return false; }
        @Override public boolean holdsPlaceholder(String text) { return false; }
        @Override public Optional<String> refuseTyping(String text, String pageUrl, String frameUrl) { return Optional.empty(); }
        @Override public Optional<String> refuseSubmit(List<String> fieldValues, String actionUrl) { return Optional.empty(); }
        @Override public boolean revealsSecret(String text) { return false; }
    };
}
