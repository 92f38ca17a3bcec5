package dev.rover.llm.resilience;

import dev.langchain4j.exception.HttpException;
import dev.rover.llm.model.ProviderHttpException;
import dev.rover.llm.model.ProviderTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads what went wrong in a provider call from an exception chain (LangChain4j wraps the HTTP
 * client's exception): whether it is worth retrying, how long the provider asked us to wait, and a
 * short description for people.
 */
public final class ProviderFailures {

    private static final int MAX_BODY_IN_MESSAGE = 300;

    private ProviderFailures() {
    }

    /** 408, 425, 429 and 5xx statuses, timeouts and connection failures: transient, worth another attempt. */
    public static boolean isTransient(Throwable failure) {
        Optional<Integer> status = status(failure);
        if (status.isPresent()) {
            int s = status.get();
            return s == 408 || s == 425 || s == 429 || s >= 500;
        }
        return isTimeout(failure) || find(failure, IOException.class).isPresent()
                || find(failure, UncheckedIOException.class).isPresent();
    }

    /** True when the chain holds a timeout of the per-call limit. */
    public static boolean isTimeout(Throwable failure) {
        return find(failure, ProviderTimeoutException.class).isPresent()
                || find(failure, HttpTimeoutException.class).isPresent()
                || find(failure, dev.langchain4j.exception.TimeoutException.class).isPresent();
    }

    /** The HTTP status the provider answered with, if it answered. */
    public static Optional<Integer> status(Throwable failure) {
        return find(failure, HttpException.class).map(HttpException::statusCode);
    }

    /** The delay the provider asked for in Retry-After, if it did. */
    public static Optional<Duration> retryAfter(Throwable failure) {
        return find(failure, ProviderHttpException.class).flatMap(ProviderHttpException::retryAfter);
    }

    /** A one-line account of the failure: status and body excerpt, timeout, or connection problem. */
    public static String describe(Throwable failure) {
        Optional<HttpException> http = find(failure, HttpException.class);
        if (http.isPresent()) {
            String body = String.valueOf(http.get().getMessage()).replaceAll("\\s+", " ").trim();
            if (body.length() > MAX_BODY_IN_MESSAGE) {
                body = body.substring(0, MAX_BODY_IN_MESSAGE) + "...";
            }
            return "HTTP " + http.get().statusCode() + (body.isEmpty() ? "" : ": " + body);
        }
        Optional<ProviderTimeoutException> timeout = find(failure, ProviderTimeoutException.class);
        if (timeout.isPresent()) {
            return "timed out: " + timeout.get().getMessage();
        }
        if (isTimeout(failure)) {
            return "timed out";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 20; depth++) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
            t = t.getCause();
        }
        return Optional.empty();
    }
}
