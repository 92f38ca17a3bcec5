package dev.rover.llm.cua;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.core.json.Json;
import dev.rover.llm.model.ProviderHttpException;
import dev.rover.llm.model.ProviderTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Posts JSON to a computer-use endpoint with java.net.http. Error statuses become
 * {@link ProviderHttpException} (keeping Retry-After), slow answers {@link ProviderTimeoutException} and
 * unreachable servers {@link UncheckedIOException}, so the shared resilient caller retries them exactly as
 * it does for the chat engines. LangChain4j has no model of the computer-use tools' wire formats.
 */
final class CuaHttp {

    private final HttpClient client;
    private final Duration timeout;

    CuaHttp(Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.timeout = timeout;
    }

    /** One attempt: the answer's JSON, or an exception the resilient caller classifies. */
    JsonNode post(String url, Map<String, String> headers, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.compact(body), StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ProviderTimeoutException("no answer from " + url + " within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + url, e);
        }
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw new ProviderHttpException(status, response.body(), response.headers().firstValue("Retry-After")
                    .flatMap(ProviderHttpException::parseRetryAfter).orElse(null));
        }
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new MalformedAnswerException("the answer from " + url + " is not JSON: " + e.getMessage());
        }
    }

    /** The provider answered 2xx with something that is not the protocol's JSON. */
    static final class MalformedAnswerException extends RuntimeException {
        MalformedAnswerException(String message) {
            super(message);
        }
    }
}
