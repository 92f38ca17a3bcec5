package dev.rover;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rover.core.definition.WorkflowLoader;
import dev.rover.core.json.Json;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * http_request keeps credentials on their origins, through the facade against an in-process server reachable under two
 * origins ({@code http://127.0.0.1:PORT} and {@code http://localhost:PORT}): a header holding a credential goes only to
 * the credential's origin, also across redirects; a credential bound to no origin is refused saying how to bind it; a
 * generic secret stored without an origin goes where the workflow sends it.
 */
class HttpRequestOriginsTest {

    private static final String PASSWORD = "quartz-Api-7740q";
    private static final String SECRET = "generic-Tok-5518w";

    @TempDir
    static Path home;

    private static HttpServer server;
    private static int port;
    private static Rover rover;
    private static final List<String> hits = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        server = TestPages.serve(site -> {
            site.createContext("/echo", ex -> {
                hits.add(ex.getRequestHeaders().getFirst("Host") + " " + ex.getRequestHeaders().getFirst("Authorization"));
                send(ex, 200, "{\"ok\": true}");
            });
            site.createContext("/bounce", ex -> {
                hits.add(ex.getRequestHeaders().getFirst("Host") + " " + ex.getRequestHeaders().getFirst("Authorization"));
                ex.getResponseHeaders().add("Location", "http://localhost:" + port + "/echo");
                send(ex, 302, "");
            });
        });
        port = server.getAddress().getPort();
        rover = Rover.builder().dataDirectory(home).defaultEngine("offline").environment(Map.of()).build();
    }

    @AfterAll
    static void stop() {
        TestPages.stop(rover, server);
    }

    @BeforeEach
    void forget() {
        hits.clear();
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    private static Run call(String credential, String url) {
        String yaml = """
                title: Call the API
                workflow_definition:
                  parameters:
                    - {key: api, parameter_type: workflow, workflow_parameter_type: credential_id}
                  blocks:
                    - block_type: http_request
                      label: call
                      url: "%s"
                      headers: {Authorization: "Bearer {{ api.password }}"}
                """.formatted(url);
        return rover.runWorkflow(new WorkflowLoader().load(yaml, "api.yaml"), Map.of("api", credential),
                WorkflowRunOptions.builder().waitForCompletion(true).timeout(Duration.ofMinutes(1)).build());
    }

    @Test
    void aCredentialGoesOnlyToItsOriginAndNeverAcrossARedirect() {
        String own = "http://127.0.0.1:" + port;
        var api = rover.credentials().addPassword("billing-api", "svc", PASSWORD, null, List.of(own));

        Run allowed = call(api.id(), own + "/echo");
        assertThat(allowed.status()).as(allowed.failureReason()).isEqualTo(RunStatus.COMPLETED);
        assertThat(hits).containsExactly("127.0.0.1:" + port + " Bearer " + PASSWORD);

        hits.clear();
        Run elsewhere = call(api.id(), "http://localhost:" + port + "/echo");
        assertThat(elsewhere.status()).isEqualTo(RunStatus.FAILED);
        assertThat(elsewhere.failureReason()).contains("refused to send credential 'billing-api' to origin http://localhost:" + port)
                .contains("bound to " + own);
        assertThat(hits).as("nothing was sent").isEmpty();

        Run redirected = call(api.id(), own + "/bounce");
        assertThat(redirected.status()).isEqualTo(RunStatus.FAILED);
        assertThat(redirected.failureReason()).contains("redirected").contains("'billing-api'").contains("http://localhost:" + port);
        assertThat(hits).as("only the first hop, on the credential's origin").containsExactly("127.0.0.1:" + port + " Bearer " + PASSWORD);
        for (Run run : List.of(allowed, elsewhere, redirected)) {
            assertThat(Json.compact(run) + Json.compact(rover.getRunTimeline(run.runId()))).doesNotContain(PASSWORD.substring(0, 6));
        }
    }

    @Test
    void aCredentialBoundToNoOriginIsRefusedSayingHowToBindIt() {
        var unbound = rover.credentials().addPassword("unbound-api", "svc", PASSWORD, null, List.of());

        Run run = call(unbound.id(), "http://127.0.0.1:" + port + "/echo");

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason()).contains("refused to send credential 'unbound-api' to origin http://127.0.0.1:" + port)
                .contains("bound to no origin").contains("--origin http://127.0.0.1:" + port).doesNotContain(PASSWORD.substring(0, 6));
        assertThat(hits).isEmpty();
    }

    @Test
    void aGenericSecretWithoutAnOriginGoesWhereTheWorkflowSendsIt() {
        rover.credentials().addSecret("report_token", SECRET, List.of());
        String yaml = """
                title: Call with a secret
                workflow_definition:
                  parameters:
                    - {key: token, parameter_type: aws_secret, aws_key: report_token}
                  blocks:
                    - block_type: http_request
                      label: call
                      url: "http://localhost:%d/echo"
                      headers: {Authorization: "Bearer {{ token }}"}
                """.formatted(port);
        Run run = rover.runWorkflow(new WorkflowLoader().load(yaml, "secret.yaml"), Map.of(),
                WorkflowRunOptions.builder().waitForCompletion(true).timeout(Duration.ofMinutes(1)).build());

        assertThat(run.status()).as(run.failureReason()).isEqualTo(RunStatus.COMPLETED);
        assertThat(hits).containsExactly("localhost:" + port + " Bearer " + SECRET);
    }
}
