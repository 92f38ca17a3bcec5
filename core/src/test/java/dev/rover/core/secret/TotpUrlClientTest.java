package dev.rover.core.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rover.core.run.CancellationToken;
import dev.rover.core.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TotpUrlClientTest {

    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final TotpUrlClient client = new TotpUrlClient(HttpClient.newHttpClient(),
            Duration.ofMillis(20), Duration.ofMillis(80), Duration.ofSeconds(5));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void asksAgainUntilTheCodeIsThere() throws Exception {
        server.createContext("/totp", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int n = calls.incrementAndGet();
            if (n == 1) {
                respond(exchange, 404, "{\"detail\":\"not yet\"}");
            } else if (n == 2) {
                respond(exchange, 200, "{\"verification_code\":null}");
            } else {
                respond(exchange, 200, "{\"verification_code\":\"482913\"}");
            }
        });

        Optional<String> code = client.fetch(url("/totp"), "alice@example.test", "wr_123", Duration.ofSeconds(10),
                new CancellationToken());

        assertThat(code).contains("482913");
        assertThat(calls).hasValue(3);
        JsonNode body = Json.mapper().readTree(bodies.get(0));
        assertThat(body.get("totp_identifier").asText()).isEqualTo("alice@example.test");
        assertThat(body.get("run_id").asText()).isEqualTo("wr_123");
    }

    @Test
    void givesUpAfterTheTimeout() throws Exception {
        server.createContext("/totp", exchange -> {
            calls.incrementAndGet();
            respond(exchange, 503, "busy");
        });
        long start = System.nanoTime();

        Optional<String> code = client.fetch(url("/totp"), "bob", "tsk_1", Duration.ofSeconds(1), new CancellationToken());

        assertThat(code).isEmpty();
        assertThat(calls.get()).isGreaterThanOrEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(950), Duration.ofSeconds(6));
    }

    @Test
    void stopsWhenTheRunIsCanceled() throws Exception {
        server.createContext("/totp", exchange -> {
            calls.incrementAndGet();
            respond(exchange, 200, "{}");
        });
        CancellationToken token = new CancellationToken();
        CompletableFuture<Optional<String>> fetching = CompletableFuture.supplyAsync(() -> {
            try {
                return client.fetch(url("/totp"), "carol", "tsk_2", Duration.ofMinutes(5), token);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        token.cancel();

        assertThat(fetching.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void rejectsANonHttpUrl() {
        assertThatThrownBy(() -> client.fetch(URI.create("ftp://127.0.0.1/x"), "a", "tsk_3", Duration.ofSeconds(1),
                new CancellationToken())).hasMessageContaining("totp_url must be http or https");
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
