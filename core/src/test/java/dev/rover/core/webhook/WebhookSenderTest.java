package dev.rover.core.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rover.core.json.Json;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunType;
import dev.rover.core.run.WebhookAttempt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSenderTest {

    private static final String KEY = "whsec_test-key";

    private HttpServer server;
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final WebhookSender sender = WebhookSender.builder(WebhookSigningKey.of(KEY))
            .baseBackoff(Duration.ofMillis(20))
            .requestTimeout(Duration.ofSeconds(5))
            .build();
    private final Run run = Run.created(RunId.next(RunType.WORKFLOW), "Buy milk", Map.of("item", "milk"),
            "http://example.test/hook", null, Instant.parse("2026-01-02T03:04:05Z"));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void deliveredAfterTwoFailuresWithAVerifiableSignature() {
        replies.add(new Reply(503, null));
        replies.add(new Reply(429, "1"));
        replies.add(new Reply(200, null));

        List<WebhookAttempt> attempts = sender.send(url(), run);

        assertThat(attempts).extracting(WebhookAttempt::attempt).containsExactly(1, 2, 3);
        assertThat(attempts).extracting(WebhookAttempt::httpStatus).containsExactly(503, 429, 200);
        assertThat(attempts.get(2).error()).isNull();
        assertThat(attempts.get(0).error()).contains("HTTP 503");
        assertThat(received).hasSize(3);
        Received last = received.get(2);
        assertThat(last.body()).isEqualTo(Json.compact(run));
        assertThat(last.contentType()).isEqualTo("application/json");
        assertThat(WebhookSignature.verify(last.body(), last.signature(), KEY)).isTrue();
        assertThat(WebhookSignature.verify(last.body() + " ", last.signature(), KEY)).isFalse();
        assertThat(WebhookSignature.verify(last.body(), last.signature(), "other-key")).isFalse();
        // Retry-After: 1 was honoured between the second and third request
        assertThat(Duration.ofNanos(received.get(2).nanos() - received.get(1).nanos())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void clientErrorIsNotRetried() {
        replies.add(new Reply(400, null));

        List<WebhookAttempt> attempts = sender.send(url(), run);

        assertThat(attempts).singleElement().satisfies(a -> {
            assertThat(a.httpStatus()).isEqualTo(400);
            assertThat(a.error()).contains("HTTP 400").contains("not retried");
        });
        assertThat(received).hasSize(1);
    }

    @Test
    void allFailingRecordsThreeAttempts() {
        replies.add(new Reply(500, null));
        replies.add(new Reply(502, null));
        replies.add(new Reply(408, null));
        replies.add(new Reply(200, null));

        List<WebhookAttempt> attempts = sender.send(url(), run);

        assertThat(attempts).extracting(WebhookAttempt::httpStatus).containsExactly(500, 502, 408);
        assertThat(attempts).allSatisfy(a -> assertThat(a.error()).startsWith("HTTP "));
        assertThat(received).hasSize(3);
    }

    @Test
    void retryAfterIsCappedAtTheConfiguredMaximum() {
        WebhookSender capped = WebhookSender.builder(WebhookSigningKey.of(KEY))
                .baseBackoff(Duration.ofMillis(10)).maxRetryAfter(Duration.ofMillis(100)).build();
        replies.add(new Reply(429, "3600"));
        replies.add(new Reply(204, null));
        long start = System.nanoTime();

        List<WebhookAttempt> attempts = capped.send(url(), run);

        assertThat(attempts).extracting(WebhookAttempt::httpStatus).containsExactly(429, 204);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void connectionRefusedIsRetriedAndRecordedWithoutThrowing() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }

        List<WebhookAttempt> attempts = sender.send("http://127.0.0.1:" + closedPort + "/hook", run);

        assertThat(attempts).hasSize(3);
        assertThat(attempts).allSatisfy(a -> {
            assertThat(a.httpStatus()).isZero();
            assertThat(a.error()).startsWith("cannot reach http://127.0.0.1:" + closedPort + "/hook");
        });
    }

    @Test
    void invalidUrlIsOneFailedAttempt() {
        List<WebhookAttempt> attempts = sender.send("not a url", run);

        assertThat(attempts).singleElement().satisfies(a -> {
            assertThat(a.httpStatus()).isZero();
            assertThat(a.error()).contains("webhook URL 'not a url' is invalid");
        });
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(body, exchange.getRequestHeaders().getFirst("X-Rover-Timestamp"),
                exchange.getRequestHeaders().getFirst("X-Rover-Signature"),
                exchange.getRequestHeaders().getFirst("Content-Type"), System.nanoTime()));
        Reply reply;
        synchronized (replies) {
            reply = replies.isEmpty() ? new Reply(200, null) : replies.poll();
        }
        if (reply.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
        }
        exchange.sendResponseHeaders(reply.status(), -1);
        exchange.close();
    }

    private record Reply(int status, String retryAfter) {
    }

    private record Received(String body, String timestamp, String signature, String contentType, long nanos) {
    }
}
