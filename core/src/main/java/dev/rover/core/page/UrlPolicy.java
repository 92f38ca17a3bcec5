package dev.rover.core.page;

import java.net.URISyntaxException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which URLs Rover opens in a browser: http and https, and {@code file:} only when the embedding
 * application or the command line allows it explicitly. A task URL or a model's {@code goto_url}
 * of {@code file:///etc/passwd} would otherwise put a local file into the page text a model reads,
 * and {@code javascript:} would run script instead of opening a page.
 */
public final class UrlPolicy {

    /** Where file URLs are allowed, for messages. */
    public static final String HOW_TO_ALLOW_FILES = "RoverBuilder.allowFileUrls(true) or --allow-file-urls";

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):(.*)$", Pattern.DOTALL);
    private static final Pattern HTTP_AUTHORITY = Pattern.compile("^//[^/?#\\s]+([/?#].*)?$", Pattern.DOTALL);
    private static final int SHOWN = 80;

    private UrlPolicy() {
    }

    /** Empty when the URL may be opened; otherwise why not, naming the URL. */
    public static Optional<String> check(String url, boolean allowFileUrls) {
        Optional<String> malformed = malformed(url);
        if (malformed.isPresent()) {
            return malformed;
        }
        String scheme = scheme(url);
        if (scheme.equals("file") && !allowFileUrls) {
            return Optional.of("'" + shown(url) + "' is a file: URL; only http and https URLs are opened unless file URLs "
                    + "are allowed (" + HOW_TO_ALLOW_FILES + ")");
        }
        return Optional.empty();
    }

    /**
     * Empty when the URL is well formed with a scheme Rover may ever open (http, https, file, or
     * {@code about:blank}); otherwise why not. A definition with such a URL is an error whatever is allowed.
     */
    public static Optional<String> malformed(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("the URL is empty");
        }
        if (!url.equals(url.strip()) || url.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of("'" + shown(url) + "' is not a valid URL: it has surrounding spaces or control characters");
        }
        Matcher m = SCHEME.matcher(url);
        if (!m.matches()) {
            return Optional.of("'" + shown(url) + "' is not an absolute URL; write it with http:// or https://");
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "http", "https" -> HTTP_AUTHORITY.matcher(m.group(2)).matches() ? Optional.empty()
                    : Optional.of("'" + shown(url) + "' is not a valid " + scheme + " URL: it has no host");
            case "file" -> Optional.empty();
            case "about" -> url.equalsIgnoreCase("about:blank") ? Optional.empty()
                    : Optional.of("'" + shown(url) + "' uses scheme 'about'; only http and https URLs are opened");
            default -> Optional.of("'" + shown(url) + "' uses scheme '" + scheme + "'; only http and https URLs are opened");
        };
    }

    private static String scheme(String url) {
        Matcher m = SCHEME.matcher(url);
        return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : "";
    }

    private static String shown(String url) {
        String cut = url.length() > SHOWN ? url.substring(0, SHOWN - 3) + "..." : url;
        StringBuilder out = new StringBuilder(cut.length());
        cut.chars().forEach(c -> out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
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
