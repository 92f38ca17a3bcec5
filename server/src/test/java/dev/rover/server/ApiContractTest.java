package dev.rover.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.core.error.InvalidRequestException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each endpoint's request and answer shapes, status codes and errors, over real HTTP. */
class ApiContractTest {

    private static final String WORKFLOW = """
            title: Greeting
            workflow_definition:
              parameters:
                - key: name
                  parameter_type: workflow
                  workflow_parameter_type: string
                  default_value: world
              blocks:
                - block_type: wait
                  label: pause
                  wait_sec: 1
            """;

    @TempDir
    static Path data;

    private static ServerFixture api;

    @BeforeAll
    static void start() {
        api = new ServerFixture(data);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static void assertDetail(ServerFixture.Answer a, int status, String... loc) {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/json");
        assertThat(a.body()).doesNotContain("at dev.rover").doesNotContain("Exception");
        if (loc.length > 0) {
            JsonNode first = a.json().get("detail").get(0);
            List<String> path = new java.util.ArrayList<>();
            first.get("loc").forEach(n -> path.add(n.asText()));
            assertThat(path).containsExactly(loc);
            assertThat(first.get("msg").asText()).isNotBlank();
        } else {
            assertThat(a.json().get("detail").asText()).isNotBlank();
        }
    }

    @Test
    void versionAndOpenApiDocument() {
        ServerFixture.Answer version = api.get("/v1/version");
        assertThat(version.status()).isEqualTo(200);
        assertThat(version.json().get("version").asText()).isNotBlank();

        JsonNode doc = api.get("/openapi.json").json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("paths").has("/v1/run/tasks")).isTrue();
        assertThat(doc.get("paths").get("/api/v1/runs/{run_id}").has("get")).isTrue();
        assertThat(doc.get("paths").get("/v1/workflows/{workflow_id}/versions").has("get")).isTrue();
        assertThat(doc.get("components").get("securitySchemes").get("ApiKeyAuth").get("name").asText()).isEqualTo("x-api-key");
    }

    @Test
    void theApiNeedsTheKeyAndTheUiPageLoadsWithoutIt() {
        for (String path : List.of("/v1/runs", "/api/v1/runs", "/v1/workflows")) {
            assertDetail(api.send(HttpRequest.newBuilder(URI.create(api.url(path))).GET()), 401);
            assertDetail(api.send(HttpRequest.newBuilder(URI.create(api.url(path))).header("x-api-key", "wrong").GET()), 401);
        }
        assertThat(api.send(HttpRequest.newBuilder(URI.create(api.url("/api/v1/runs"))).header("x-api-key", ServerFixture.KEY).GET())
                .status()).isEqualTo(200);
        ServerFixture.Answer page = api.send(HttpRequest.newBuilder(URI.create(api.url("/"))).GET());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Rover</title>");
        assertThat(api.send(HttpRequest.newBuilder(URI.create(api.url("/ui/config.json"))).GET()).json()
                .get("key_required").asBoolean()).isTrue();
    }

    @Test
    void aNonLoopbackAddressWithoutAKeyIsRefused() {
        assertThatThrownBy(() -> new ServerSettings("0.0.0.0", 8000, null, 1024 * 1024))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("ROVER_API_KEY");
        assertThat(new ServerSettings("localhost", 0, null, 1024 * 1024).apiKey()).isNull();
        assertThat(new ServerSettings("0.0.0.0", 0, "k", 1024 * 1024).toString()).doesNotContain("apiKey=k");
    }

    @Test
    void badTaskRequestsNameTheFieldAndWhatIsAllowed() {
        assertDetail(api.post("/v1/run/tasks", Map.of("url", "http://127.0.0.1/")), 422, "body", "prompt");
        assertDetail(api.post("/v1/run/tasks", Map.of("prompt", "x", "max_steps", "many")), 422, "body", "max_steps");
        assertDetail(api.post("/v1/run/tasks", Map.of("prompt", "x", "colour", "red")), 422, "body", "colour");
        assertDetail(api.post("/v1/run/tasks", Map.of("prompt", "x", "cdp_connect_headers", Map.of("a", "b"))), 422,
                "body", "cdp_connect_headers");
        assertDetail(api.post("/v1/run/tasks", "[1, 2]"), 422, "body");
        assertDetail(api.post("/v1/run/tasks", "{\"prompt\": "), 422, "body");
        assertDetail(api.post("/v1/run/tasks", Map.of("prompt", "x", "engine", "no-such-engine")), 400);
    }

    @Test
    void badWorkflowRunRequests() {
        assertDetail(api.post("/v1/run/workflows", Map.of("parameters", Map.of())), 422, "body", "workflow_id");
        assertDetail(api.post("/v1/run/agents", Map.of("agent_id", "wpid_missing")), 404);
        assertDetail(api.post("/v1/run/workflows", Map.of("yaml_definition", WORKFLOW, "title", "x")), 422, "body", "title");
        ServerFixture.Answer broken = api.post("/v1/run/workflows", Map.of("yaml_definition",
                WORKFLOW.replace("wait_sec: 1", "wait_sec: soon")));
        assertThat(broken.status()).as(broken.body()).isEqualTo(422);
        JsonNode problem = broken.json().get("detail").get(0);
        assertThat(problem.get("line").asInt()).isEqualTo(11);
        assertThat(problem.get("column").asInt()).isPositive();
        assertThat(problem.get("loc").toString()).contains("wait_sec");
    }

    @Test
    void runsAreListedWithPagingAndFiltersAndUnknownIdsAre404() {
        String first = api.post("/v1/run/workflows", Map.of("yaml_definition", WORKFLOW)).json().get("run_id").asText();
        String second = api.post("/v1/run/workflows", Map.of("yaml_definition", WORKFLOW.replace("Greeting", "Farewell")))
                .json().get("run_id").asText();
        api.awaitEnd(first);
        JsonNode last = api.awaitEnd(second);
        assertThat(last.get("run_request").get("parameters").get("name").asText()).isEqualTo("world");

        JsonNode page1 = api.get("/v1/runs?page=1&page_size=1&run_type=workflow_run").json();
        JsonNode page2 = api.get("/v1/runs?page=2&page_size=1&run_type=workflow_run").json();
        assertThat(page1.size()).isEqualTo(1);
        assertThat(page2.size()).isEqualTo(1);
        assertThat(page1.get(0).get("run_id").asText()).isNotEqualTo(page2.get(0).get("run_id").asText());
        assertThat(api.get("/v1/runs?search_key=farewell&page_size=100").json()).extracting(n -> n.get("run_id").asText())
                .contains(second).doesNotContain(first);
        assertThat(api.get("/v1/runs?status=completed&page_size=100").json()).allSatisfy(n ->
                assertThat(n.get("status").asText()).isEqualTo("completed"));
        assertThat(api.get("/v1/runs?status=queued,running&run_type=workflow_run&search_key=" + first).json()).isEmpty();
        for (String field : List.of("run_id", "status", "created_at", "modified_at", "run_type", "downloaded_files", "app_url")) {
            assertThat(page1.get(0).has(field)).as(field).isTrue();
        }

        assertDetail(api.get("/v1/runs?status=sleeping"), 422, "query", "status");
        assertDetail(api.get("/v1/runs?page_size=1000"), 422, "query", "page_size");
        assertDetail(api.get("/v1/runs?run_type=robot"), 422, "query", "run_type");
        assertDetail(api.get("/v1/runs/tsk_nope"), 404);
        assertDetail(api.get("/v1/runs/not-an-id"), 404);
        assertDetail(api.get("/v1/runs/tsk_nope/timeline"), 404);
        assertDetail(api.get("/v1/runs/tsk_nope/artifacts"), 404);
        assertDetail(api.post("/v1/runs/tsk_nope/cancel", ""), 404);
        assertDetail(api.post("/v1/runs/cancel", Map.of("run_ids", List.of())), 422, "body", "run_ids");
        assertDetail(api.post("/v1/runs/cancel", Map.of("run_ids", List.of(first, "wr_nope"))), 404);
        assertDetail(api.get("/v1/runs/" + first + "/artifacts?artifact_type=photo"), 422, "query", "artifact_type");
        assertDetail(api.get("/v1/artifacts/a_nope"), 404);
        assertDetail(api.get("/v1/artifacts/a_nope/content"), 404);
        assertDetail(api.post("/v1/runs/" + first + "/retry_webhook", ""), 400);

        JsonNode canceled = api.post("/v1/runs/cancel", Map.of("run_ids", List.of(first))).json();
        assertThat(canceled.get(0).get("status").asText()).as("a finished run stays as it is").isEqualTo("completed");
    }

    @Test
    void workflowsAreCreatedVersionedListedAndDeleted() {
        JsonNode created = api.post("/v1/workflows", Map.of("yaml_definition", WORKFLOW)).json();
        String id = created.get("workflow_permanent_id").asText();
        assertThat(id).startsWith("wpid_");
        assertThat(created.get("version").asInt()).isEqualTo(1);
        assertThat(created.get("title").asText()).isEqualTo("Greeting");
        assertThat(created.get("parameters").get(0).get("key").asText()).isEqualTo("name");
        assertThat(created.get("parameters").get(0).get("default_value").asText()).isEqualTo("world");

        String json = "{\"title\": \"Greeting 2\", \"workflow_definition\": {\"blocks\": [{\"block_type\": \"wait\", \"label\": \"p\", \"wait_sec\": 1}]}}";
        JsonNode updated = api.post("/v1/agents/" + id, Map.of("json_definition", json)).json();
        assertThat(updated.get("version").asInt()).isEqualTo(2);
        assertThat(updated.get("json_definition").asText()).isEqualTo(json);

        assertThat(api.get("/v1/workflows/" + id).json().get("title").asText()).isEqualTo("Greeting 2");
        assertThat(api.get("/v1/agents/" + id + "/versions").json()).extracting(n -> n.get("version").asInt()).containsExactly(1, 2);
        assertThat(api.get("/v1/workflows").json()).extracting(n -> n.get("workflow_permanent_id").asText()).contains(id);

        ServerFixture.Answer bad = api.post("/v1/workflows", Map.of("yaml_definition", "title: x\nworkflow_definition:\n  blocks:\n    - block_type: wait\n      label: t\n      wait_sec: soon\n"));
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
        assertThat(bad.json().get("detail").get(0).get("line").asInt()).isEqualTo(6);
        assertDetail(api.post("/v1/workflows", Map.of("yaml_definition", WORKFLOW, "json_definition", json)), 422, "body", "yaml_definition");
        assertDetail(api.post("/v1/workflows/wpid_nope", Map.of("yaml_definition", WORKFLOW)), 404);

        assertThat(api.post("/v1/workflows/" + id + "/delete", "").status()).isEqualTo(200);
        assertDetail(api.get("/v1/workflows/" + id), 404);
        assertDetail(api.get("/v1/workflows/" + id + "/versions"), 404);
        assertDetail(api.post("/v1/workflows/" + id + "/delete", ""), 404);
        assertThat(api.get("/v1/workflows").json()).extracting(n -> n.get("workflow_permanent_id").asText()).doesNotContain(id);
    }

    @Test
    void credentialsNeverShowTheirValues() {
        JsonNode login = api.post("/v1/credentials", Map.of("name", "shop", "credential_type", "password",
                "credential", Map.of("username", "ann@example.com", "password", "s3cret-Passw0rd!"),
                "origins", List.of("https://shop.example.com"))).json();
        JsonNode secret = api.post("/v1/credentials", Map.of("name", "api-token", "credential_type", "secret",
                "credential", Map.of("secret_value", "tok-98765-abcdef"))).json();
        String id = login.get("credential_id").asText();
        assertThat(login.get("name").asText()).isEqualTo("shop");
        assertThat(login.get("origins").get(0).asText()).isEqualTo("https://shop.example.com");

        String everything = api.get("/v1/credentials").body() + api.get("/v1/credentials/" + id).body() + login + secret;
        assertThat(everything).contains("shop", "api-token").doesNotContain("s3cret", "Passw0rd", "tok-98765", "abcdef");

        assertDetail(api.post("/v1/credentials", Map.of("name", "card", "credential_type", "credit_card",
                "credential", Map.of("card_number", "4111"))), 422, "body", "credential_type");
        assertDetail(api.post("/v1/credentials", Map.of("name", "half", "credential_type", "password",
                "credential", Map.of("username", "a"))), 422, "body", "credential", "password");
        assertDetail(api.post("/v1/credentials", Map.of("name", "shop", "credential_type", "secret",
                "credential", Map.of("secret_value", "dup-value-1"))), 422, "body");
        assertThat(api.post("/v1/credentials/" + id + "/delete", "").status()).isEqualTo(200);
        assertDetail(api.get("/v1/credentials/" + id), 404);
        assertDetail(api.post("/v1/credentials/" + id + "/delete", ""), 404);

        assertDetail(api.post("/v1/credentials/totp", Map.of("totp_identifier", "x", "content", "no digits here")), 422, "body", "content");
        assertDetail(api.post("/v1/credentials/totp", Map.of("content", "123456")), 422, "body", "totp_identifier");
        assertDetail(api.post("/v1/credentials/totp", Map.of("totp_identifier", "x", "content", "123456",
                "expired_at", "2001-01-01T00:00:00Z")), 422, "body", "expired_at");
    }

    @Test
    void browserSessionsOpenListAndClose() {
        JsonNode session = api.post("/v1/browser_sessions", Map.of("timeout", 10)).json();
        String id = session.get("browser_session_id").asText();
        assertThat(id).startsWith("pbs_");
        assertThat(session.get("status").asText()).isEqualTo("running");
        assertThat(session.get("timeout").asInt()).isEqualTo(10);
        assertThat(api.get("/v1/browser_sessions/" + id).json().get("browser_session_id").asText()).isEqualTo(id);
        assertThat(api.get("/v1/browser_sessions").json()).extracting(n -> n.get("browser_session_id").asText()).contains(id);

        assertThat(api.post("/v1/browser_sessions/" + id + "/close", "").json().get("status").asText()).isEqualTo("closed");
        assertDetail(api.get("/v1/browser_sessions/" + id), 404);
        assertDetail(api.post("/v1/browser_sessions", Map.of("timeout", 1)), 422, "body", "timeout");
        assertDetail(api.post("/v1/browser_sessions", Map.of("url", "https://example.com")), 422, "body", "url");
    }

    @Test
    void oversizedBodiesAndUnknownPathsAreRefusedWithoutStackTraces() {
        ServerFixture.Answer big = api.post("/v1/run/tasks", "{\"prompt\": \"" + "x".repeat(300 * 1024) + "\"}");
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.body()).doesNotContain("at io.javalin").doesNotContain("Exception");
        assertDetail(api.get("/v1/no-such-thing"), 404);
    }
}
