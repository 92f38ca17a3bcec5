package dev.rover.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.Rover;
import dev.rover.core.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

/** A Rover on a temporary data directory behind a started {@link RoverServer}, and a small HTTP client for it. */
final class ServerFixture implements AutoCloseable {

    static final String KEY = "test-api-key-0123456789";

    /** An answer: status code, body text, and the body as JSON when it is JSON. */
    record Answer(int status, String body, String contentType) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    final Rover rover;
    final RoverServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ServerFixture(Path data) {
        this(data, KEY);
    }

    ServerFixture(Path data, String key) {
        rover = Rover.builder().dataDirectory(data).environment(Map.of()).concurrency(4).build();
        server = RoverServer.start(rover, new ServerSettings("127.0.0.1", 0, key, 256 * 1024));
    }

    String url(String path) {
        return server.url() + path;
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("x-api-key", KEY).GET());
    }

    Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("x-api-key", KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer post(String path, Object body) {
        return post(path, Json.compact(body));
    }

    Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Polls GET /v1/runs/{id} until the run satisfies {@code done} (or fails the test after {@code limit}). */
    JsonNode awaitRun(String runId, Predicate<JsonNode> done, Duration limit) {
        Instant end = Instant.now().plus(limit);
        JsonNode run = null;
        while (Instant.now().isBefore(end)) {
            Answer a = get("/v1/runs/" + runId);
            if (a.status() != 200) {
                throw new AssertionError("GET run answered " + a.status() + ": " + a.body());
            }
            run = a.json();
            if (done.test(run)) {
                return run;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("run " + runId + " did not get there within " + limit + "; last: " + run);
    }

    /** Waits until the run has ended. */
    JsonNode awaitEnd(String runId) {
        return awaitRun(runId, r -> java.util.Set.of("completed", "failed", "terminated", "canceled", "timed_out")
                .contains(r.get("status").asText()), Duration.ofMinutes(2));
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            rover.close();
        }
    }
}
