package dev.rover.llm.model;

import dev.langchain4j.exception.HttpException;

import java.time.Duration;
import java.util.Optional;

/**
 * A provider answered with an error status; unlike LangChain4j's own exception it keeps the
 * {@code Retry-After} header, so retries can wait as long as the provider asks.
 */
public class ProviderHttpException extends HttpException {

    private final transient Duration retryAfter;

    public ProviderHttpException(int statusCode, String body, Duration retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    /** A Retry-After header value (delay seconds or an HTTP date) as a delay; empty when it is neither. */
    public static Optional<Duration> parseRetryAfter(String headerValue) {
        return StatusAwareHttpClient.parseRetryAfter(headerValue);
    }

    /** How long the provider asked us to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
