package dev.rover.core.page;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which URLs a block may call on its own (outside the browser): web URLs only, so a workflow cannot
 * read local files ({@code file:}) or reach other schemes through an {@code http_request} block.
 */
public final class UrlPolicy {

    private UrlPolicy() {
    }

    /**
     * The URL as a URI when it is an absolute http or https URL with a host.
     *
     * @param what names the URL in the message, for example {@code "http_request block 'call': url"}
     * @throws IllegalArgumentException naming {@code what}, the URL and what is allowed
     */
    public static URI requireWeb(String url, String what) {
        String text = url == null ? "" : url.trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty; give an http or https URL");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(what + " '" + text + "' uses "
                    + (scheme.isEmpty() ? "no scheme" : "the " + scheme + ": scheme") + "; only http and https URLs are allowed");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException(what + " '" + text + "' has no host");
        }
        return uri;
    }
}
