package dev.rover.blocks.types;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rover.blocks.fakes.FakeBrowser;
import dev.rover.blocks.fakes.PlaceholderSecrets;
import dev.rover.core.json.Json;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.TimelineEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.rover.blocks.types.BlockHarness.block;
import static dev.rover.blocks.types.BlockHarness.v1;
import static org.assertj.core.api.Assertions.assertThat;

/** http_request against an in-process HTTP server: methods, JSON bodies, files, redirects, timeouts and secret headers. */
@SuppressWarnings("unchecked")
class HttpRequestBlockTest {

    private static final String TOKEN = "tok-7f3a9c1e5b2d";
    private static final String PLACEHOLDER = "@@api_token@@";
    private static HttpServer server;
    private static String base;
    private static final List<String> received = new CopyOnWriteArrayList<>();

    private final BlockHarness h = new BlockHarness(new FakeBrowser());

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/echo", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("Authorization") + " "
                    + ex.getRequestHeaders().getFirst("Content-Type") + " " + body);
            String reply = Json.mapper().writeValueAsString(Map.of("method", ex.getRequestMethod(), "got", body,
                    "auth", String.valueOf(ex.getRequestHeaders().getFirst("Authorization"))));
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.getResponseHeaders().add("X-Echo-Token", String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            send(ex, 201, reply);
        });
        server.createContext("/text", ex -> send(ex, 200, "plain words"));
        server.createContext("/moved", ex -> {
            ex.getResponseHeaders().add("Location", "/text");
            send(ex, 302, "");
        });
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, "late");
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @AfterEach
    void close() {
        h.close();
        received.clear();
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    @Test
    void aJsonPostReturnsStatusHeadersAndTheParsedBodyWithTheSecretHeaderRedactedEverywhere() {
        h.secrets = new PlaceholderSecrets(PLACEHOLDER, TOKEN);
        Run run = h.run(BlockHarness.workflow(1, List.of(BlockHarness.json("api")), block("http_request", "call",
                "method", "post", "url", base + "/echo", "headers", Map.of("Authorization", "Bearer {{ api.token }}"),
                "body", Map.of("order", 42))), Map.of("api", Map.of("token", PLACEHOLDER)));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(received).containsExactly("POST Bearer " + TOKEN + " application/json {\"order\":42}");
        Map<?, ?> out = (Map<?, ?>) ((Map<?, ?>) run.output()).get("call_output");
        assertThat(out.get("status_code")).isEqualTo(201);
        assertThat((Map<Object, Object>) out.get("body")).containsEntry("method", "POST").containsEntry("got", "{\"order\":42}")
                .containsEntry("auth", "Bearer " + PLACEHOLDER);
        assertThat((Map<Object, Object>) out.get("headers")).containsEntry("x-echo-token", "Bearer " + PLACEHOLDER);
        String recorded = String.valueOf(run.output()) + h.timeline(run).stream().map(TimelineEntry::toString).toList();
        assertThat(recorded).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(0, 6));
    }

    @Test
    void redirectsAreFollowedUnlessTurnedOffAndTextStaysText() {
        Map<?, ?> followed = output(h.run(v1(block("http_request", "call", "url", base + "/moved"))));
        assertThat(followed.get("status_code")).isEqualTo(200);
        assertThat(followed.get("body")).isEqualTo("plain words");

        Map<?, ?> kept = output(h.run(v1(block("http_request", "call", "url", base + "/moved", "follow_redirects", false))));
        assertThat(kept.get("status_code")).isEqualTo(302);
        assertThat((Map<Object, Object>) kept.get("headers")).containsEntry("location", "/text");
    }

    @Test
    void filesAreSentAsMultipartFormData() throws IOException {
        Path file = Files.writeString(dir.resolve("report.csv"), "id,total\n1,9.50\n");
        Run run = h.run(v1(block("http_request", "call", "method", "POST", "url", base + "/echo",
                "files", Map.of("upload", file.toString()), "body", Map.of("note", "monthly"))));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(received).singleElement().asString().startsWith("POST null multipart/form-data; boundary=")
                .contains("name=\"note\"\r\n\r\nmonthly").contains("name=\"upload\"; filename=\"report.csv\"")
                .contains("id,total\n1,9.50\n");
    }

    @Test
    void theTimeoutEndsASlowCallAndOnlyWebUrlsAreCalled() {
        Run slow = h.run(v1(block("http_request", "call", "url", base + "/slow", "timeout", 1)));
        assertThat(slow.status()).isEqualTo(RunStatus.FAILED);
        assertThat(slow.failureReason()).contains("no response from " + base + "/slow within 1s");

        Run file = h.run(v1(block("http_request", "call", "url", "file:///etc/passwd")));
        assertThat(file.status()).isEqualTo(RunStatus.FAILED);
        assertThat(file.failureReason()).contains("uses the file: scheme; only http and https URLs are allowed");

        assertThat(h.run(v1(block("http_request", "call", "method", "FETCH", "url", base + "/text"))).failureReason())
                .contains("method 'FETCH' is not one of");
    }

    @Test
    void theRunDeadlineEndsAWaitingCallAsTimedOut() {
        long before = System.nanoTime();
        Run run = h.executor.run(v1(block("http_request", "call", "url", base + "/slow", "timeout", 20)),
                h.options(Map.of()).elapsedTimeOverride(java.time.Duration.ofMillis(300)).build());

        assertThat(java.time.Duration.ofNanos(System.nanoTime() - before)).isLessThan(java.time.Duration.ofSeconds(2));
        assertThat(run.status()).isEqualTo(RunStatus.TIMED_OUT);
    }

    private static Map<?, ?> output(Run run) {
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        return (Map<?, ?>) ((Map<?, ?>) run.output()).values().iterator().next();
    }
}
