package dev.rover.blocks.types;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Set;

/**
 * Redirects followed by {@code http_request} itself (as the JDK client would), so that the block can check each hop's
 * origin before a credential is sent there: 301, 302 and 303 go on as GET without a body, 307 and 308 repeat the request.
 */
final class Redirects {

    /** At most this many redirects are followed, as the JDK client does. */
    static final int MAX_HOPS = 5;
    private static final Set<Integer> CODES = Set.of(301, 302, 303, 307, 308);

    private Redirects() {
    }

    /** Where a redirect response points, resolved against the request's URI; empty when it is no redirect. */
    static Optional<URI> target(HttpResponse<?> response) {
        if (!CODES.contains(response.statusCode())) {
            return Optional.empty();
        }
        return response.headers().firstValue("location").map(l -> response.request().uri().resolve(l.trim()));
    }

    /** The request to send to {@code location} after a redirect with this status. */
    static HttpRequest follow(HttpRequest previous, int status, URI location) {
        boolean repeat = status == 307 || status == 308;
        HttpRequest.Builder next = HttpRequest.newBuilder(previous, (name, value) -> true).uri(location);
        if (repeat) {
            return next.build();
        }
        HttpRequest.Builder get = next.method("GET", HttpRequest.BodyPublishers.noBody());
        return HttpRequest.newBuilder(get.build(), (name, value) -> !name.equalsIgnoreCase("content-type")).build();
    }
}
