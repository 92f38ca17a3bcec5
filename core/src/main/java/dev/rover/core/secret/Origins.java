package dev.rover.core.secret;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Web origins ({@code scheme://host[:port]}) as credentials are bound to them, the way a password
 * manager decides where a login may be filled: two URLs share an origin when scheme, host and port
 * are equal, so {@code https://app.example.com/login} and {@code https://app.example.com/} do,
 * while another port or subdomain does not. Only http and https pages have origins here; anything
 * else (about:blank, data:, file:) has none and so matches no credential.
 */
public final class Origins {

    private Origins() {
    }

    /** The origin of an http(s) URL, lower-cased and without a default port; empty for anything else. */
    public static Optional<String> of(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.empty();
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
    }

    /**
     * The origin a user means by {@code given} (an origin or any URL on it).
     *
     * @throws IllegalArgumentException naming the value when it is no http or https URL with a host
     */
    public static String parse(String given) {
        return of(given).orElseThrow(() -> new IllegalArgumentException("origin '" + given
                + "' is not an http or https origin such as https://app.example.com"));
    }

    /** Each value parsed as by {@link #parse}, without duplicates, in the order given. */
    public static List<String> parseAll(Collection<String> given) {
        Set<String> origins = new LinkedHashSet<>();
        if (given != null) {
            for (String value : given) {
                origins.add(parse(value));
            }
        }
        return List.copyOf(new ArrayList<>(origins));
    }
}
