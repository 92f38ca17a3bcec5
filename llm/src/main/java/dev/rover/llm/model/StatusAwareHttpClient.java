package dev.rover.llm.model;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * LangChain4j's HTTP client SPI over the JDK client, reporting error statuses with their
 * {@code Retry-After} and timeouts as {@link ProviderTimeoutException}, which the stock client
 * loses. Streaming and multipart calls, which Rover does not make, go to the stock client.
 */
final class StatusAwareHttpClient implements HttpClient {

    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final java.net.http.HttpClient client;
    private final Duration readTimeout;
    private final HttpClient streamingDelegate;

    StatusAwareHttpClient(java.net.http.HttpClient client, Duration readTimeout, HttpClient streamingDelegate) {
        this.client = client;
        this.readTimeout = readTimeout;
        this.streamingDelegate = streamingDelegate;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        if (request.formDataFiles() != null && !request.formDataFiles().isEmpty()) {
            return streamingDelegate.execute(request);
        }
        var builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        if (readTimeout != null) {
            builder.timeout(readTimeout);
        }
        request.headers().forEach((name, values) -> {
            if (!RESTRICTED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        String body = request.body();
        switch (request.method()) {
            case GET -> builder.GET();
            case DELETE -> builder.DELETE();
            case POST -> builder.POST(body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ProviderTimeoutException("no answer from " + request.url() + " within " + readTimeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + request.url() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + request.url(), e);
        }
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw new ProviderHttpException(status, response.body(),
                    response.headers().firstValue("Retry-After").flatMap(StatusAwareHttpClient::parseRetryAfter).orElse(null));
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(status)
                .headers(response.headers().map())
                .body(response.body())
                .build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        streamingDelegate.execute(request, parser, listener);
    }

    /** Reads Retry-After as delay seconds or an HTTP date; empty when it is neither. */
    static Optional<Duration> parseRetryAfter(String value) {
        String v = value.trim();
        try {
            double seconds = Double.parseDouble(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofMillis((long) (seconds * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
