package dev.rover.blocks.types;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockType;
import dev.rover.core.exec.RunSecrets;
import dev.rover.core.json.Json;
import dev.rover.core.page.UrlPolicy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code http_request}: one HTTP call outside the browser. Output: {@code status_code}, response
 * {@code headers} and {@code body} (parsed when JSON). Only http and https URLs; header values may hold
 * secret placeholders, resolved only on the wire, and nothing recorded (output, failure) carries a secret. A request
 * whose headers or body hold a credential bound to origins goes only to those origins, redirects included: otherwise the
 * block fails naming the credential and the origin (secrets stored without an origin go where the workflow says).
 */
public final class HttpRequestBlock implements BlockType {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final long DEFAULT_TIMEOUT_SECONDS = 30;

    @Override
    public String type() {
        return "http_request";
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) throws InterruptedException {
        RunSecrets secrets = context.services().secrets();
        String name = "http_request block '" + block.label() + "'";
        String method = block.string("method").map(m -> m.trim().toUpperCase(Locale.ROOT)).filter(m -> !m.isEmpty()).orElse("GET");
        if (!METHODS.contains(method)) {
            return BlockResult.failed(name + ": method '" + method + "' is not one of " + String.join(", ", List.copyOf(new java.util.TreeSet<>(METHODS))));
        }
        URI uri;
        try {
            uri = UrlPolicy.requireWeb(block.string("url").orElse(""), name + ": url");
        } catch (IllegalArgumentException e) {
            return BlockResult.failed(secrets.redact(e.getMessage()));
        }
        long timeout = BlockFields.integer(block, "timeout", DEFAULT_TIMEOUT_SECONDS);
        if (timeout <= 0) {
            return BlockResult.failed(name + ": timeout must be a positive number of seconds, found " + timeout);
        }
        Map<String, Object> headers = block.map("headers");
        List<String> sent = sentTexts(block, headers);
        Optional<String> refused = secrets.refuseSending(sent, uri.toString());
        if (refused.isPresent()) {
            return BlockResult.failed(secrets.redact(name + ": " + refused.get()));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(timeout));
        headers.forEach((k, v) -> request.header(k, secrets.resolve(String.valueOf(v))));
        HttpRequest.BodyPublisher body;
        try {
            body = body(block, request, headers, secrets);
        } catch (IllegalArgumentException | IOException e) {
            return BlockResult.failed(secrets.redact(name + ": " + e.getMessage()));
        }
        request.method(method, body);
        boolean follow = BlockFields.bool(block, "follow_redirects", true);
        // redirects are followed here, not by the client, so every hop's origin is checked before the request goes there
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(timeout))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> response;
        HttpRequest next = request.build();
        for (int hop = 0; ; hop++) {
            CompletableFuture<HttpResponse<String>> call = client.sendAsync(next, HttpResponse.BodyHandlers.ofString());
            try {
                response = awaitResponse(call, context);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof HttpTimeoutException) {
                    return BlockResult.failed(secrets.redact(name + ": no response from " + next.uri() + " within " + timeout + "s"));
                }
                return BlockResult.failed(secrets.redact(name + ": could not call " + next.uri() + ": " + cause));
            }
            if (response == null) {
                return context.cancellation().isCanceled() ? BlockResult.canceled()
                        : BlockResult.timedOut(name + ": the run's time ran out while waiting for " + next.uri());
            }
            Optional<URI> location = follow ? Redirects.target(response) : Optional.empty();
            if (location.isEmpty()) {
                break;
            }
            if (hop >= Redirects.MAX_HOPS) {
                return BlockResult.failed(secrets.redact(name + ": more than " + Redirects.MAX_HOPS + " redirects from " + uri));
            }
            try {
                UrlPolicy.requireWeb(location.get().toString(), name + ": redirect");
            } catch (IllegalArgumentException e) {
                return BlockResult.failed(secrets.redact(e.getMessage()));
            }
            refused = secrets.refuseSending(sent, location.get().toString());
            if (refused.isPresent()) {
                return BlockResult.failed(secrets.redact(name + ": " + next.uri() + " redirected, but " + refused.get()));
            }
            next = Redirects.follow(next, response.statusCode(), location.get());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status_code", response.statusCode());
        Map<String, Object> responseHeaders = new LinkedHashMap<>();
        response.headers().map().forEach((k, v) -> responseHeaders.put(k, v.size() == 1 ? v.get(0) : v));
        out.put("headers", responseHeaders);
        out.put("body", parsed(response));
        return BlockResult.completed(secrets.redactDeep(out));
    }

    /** What the request sends as written (header values, body, form fields), placeholders not yet resolved. */
    private static List<String> sentTexts(BlockDefinition block, Map<String, Object> headers) {
        List<String> texts = new java.util.ArrayList<>();
        headers.forEach((k, v) -> texts.add(String.valueOf(v)));
        Object body = block.fields().get("body");
        if (body != null) {
            texts.add(body instanceof String s ? s : Json.compact(body));
        }
        Map<String, Object> files = block.map("files");
        if (!files.isEmpty()) {
            texts.add(Json.compact(files));
        }
        return texts;
    }

    /** The response, or null when the run was canceled or its deadline passed first (the call is abandoned then). */
    private static HttpResponse<String> awaitResponse(CompletableFuture<HttpResponse<String>> call, BlockContext context)
            throws ExecutionException, InterruptedException {
        while (true) {
            if (context.cancellation().isCanceled() || context.deadline() != null && !Instant.now().isBefore(context.deadline())) {
                call.cancel(true);
                return null;
            }
            try {
                return call.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still waiting: check cancellation and the deadline again
            }
        }
    }

    /** The request body: a map or list as JSON, text as written, or the {@code files} as multipart form data. */
    private static HttpRequest.BodyPublisher body(BlockDefinition block, HttpRequest.Builder request,
                                                  Map<String, Object> headers, RunSecrets secrets) throws IOException {
        Map<String, Object> files = block.map("files");
        Object value = block.fields().get("body");
        if (!files.isEmpty()) {
            Multipart multipart = new Multipart(files, value instanceof Map<?, ?> m ? m : Map.of(), secrets);
            request.setHeader("Content-Type", multipart.contentType());
            return HttpRequest.BodyPublishers.ofByteArray(multipart.bytes());
        }
        if (value == null || value instanceof String s && s.isEmpty()) {
            return HttpRequest.BodyPublishers.noBody();
        }
        if (value instanceof String s) {
            return HttpRequest.BodyPublishers.ofString(secrets.resolve(s));
        }
        if (headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("content-type"))) {
            request.header("Content-Type", "application/json");
        }
        return HttpRequest.BodyPublishers.ofString(secrets.resolve(Json.mapper().writeValueAsString(value)));
    }

    private static Object parsed(HttpResponse<String> response) {
        String text = response.body();
        String type = response.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
        boolean looksJson = type.contains("json") || !text.isBlank() && (text.strip().startsWith("{") || text.strip().startsWith("["));
        if (looksJson) {
            try {
                return Json.mapper().readValue(text, Object.class);
            } catch (JsonProcessingException e) {
                return text;
            }
        }
        return text;
    }
}
