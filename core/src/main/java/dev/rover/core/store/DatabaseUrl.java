package dev.rover.core.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the database URL a person writes ({@code ROVER_DATABASE_URL}, {@code RoverBuilder.databaseUrl})
 * into a JDBC URL: {@code jdbc:...} URLs pass through, and the {@code postgres://user:password@host:port/db}
 * form that hosting services hand out becomes {@code jdbc:postgresql://host:port/db?user=...&password=...}.
 * Error messages name the URL without its credentials.
 */
public final class DatabaseUrl {

    private DatabaseUrl() {
    }

    /**
     * The JDBC URL for this database URL.
     *
     * @param url    {@code jdbc:postgresql://...}, {@code jdbc:sqlite:...}, {@code postgres://...} or {@code postgresql://...}
     * @param source where the URL came from, for messages (for example {@code ROVER_DATABASE_URL})
     * @throws IllegalArgumentException naming {@code source} when the URL is blank, malformed or of an unknown kind
     */
    public static String toJdbc(String url, String source) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(source + " is empty; give a database URL such as"
                    + " postgres://user:password@host:5432/rover or jdbc:postgresql://host:5432/rover");
        }
        String trimmed = url.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:")) {
            return trimmed;
        }
        if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
            return fromPostgresUri(trimmed, source);
        }
        throw new IllegalArgumentException(source + " '" + JdbcConnections.describe(withoutUserInfo(trimmed))
                + "' is not a database URL Rover knows: use postgres://user:password@host:5432/db,"
                + " jdbc:postgresql://host:5432/db or jdbc:sqlite:/path/rover.db");
    }

    private static String fromPostgresUri(String url, String source) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(source + " '" + JdbcConnections.describe(withoutUserInfo(url))
                    + "' is not a valid URL: " + e.getReason(), e);
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(source + " '" + JdbcConnections.describe(withoutUserInfo(url))
                    + "' names no host; expected postgres://user:password@host:5432/db");
        }
        String database = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (database.isBlank() || database.contains("/")) {
            throw new IllegalArgumentException(source + " '" + JdbcConnections.describe(withoutUserInfo(url))
                    + "' names no database; expected postgres://user:password@host:5432/db");
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://");
        jdbc.append(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host);
        if (uri.getPort() >= 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append('/').append(database);
        List<String> options = new ArrayList<>();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
            if (!user.isEmpty()) {
                options.add("user=" + reencode(user));
            }
            if (colon >= 0) {
                options.add("password=" + reencode(userInfo.substring(colon + 1)));
            }
        }
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            options.add(uri.getRawQuery());
        }
        if (!options.isEmpty()) {
            jdbc.append('?').append(String.join("&", options));
        }
        return jdbc.toString();
    }

    /** A percent-encoded URL part, decoded and encoded again as a query parameter value. */
    private static String reencode(String raw) {
        String decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        return URLEncoder.encode(decoded, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The URL without anything between {@code //} and {@code @}, for messages. */
    private static String withoutUserInfo(String url) {
        int scheme = url.indexOf("//");
        int at = url.lastIndexOf('@');
        if (scheme >= 0 && at > scheme) {
            return url.substring(0, scheme + 2) + url.substring(at + 1);
        }
        return url;
    }
}
