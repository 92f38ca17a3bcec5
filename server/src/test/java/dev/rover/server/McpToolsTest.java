package dev.rover.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.core.json.Json;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The MCP tools through the official SDK's client, over streamable HTTP at /mcp and over stdio of a separate process. */
class McpToolsTest {

    private static final String WAIT = "title: MCP wait\nworkflow_definition:\n  blocks:\n    - block_type: wait\n      label: pause\n      wait_sec: 1\n";

    @TempDir
    Path data;

    @Test
    void overStreamableHttpWithTheApiKey() {
        try (ServerFixture api = new ServerFixture(data)) {
            String id = api.post("/v1/workflows", Map.of("yaml_definition", WAIT)).json().get("workflow_permanent_id").asText();
            McpSyncClient client = client(HttpClientStreamableHttpTransport.builder(api.server.url()).endpoint("/mcp")
                    .customizeRequest(r -> r.header("x-api-key", ServerFixture.KEY)).build());
            try {
                exercise(client, id);
            } finally {
                client.closeGracefully();
            }
            McpSyncClient keyless = client(HttpClientStreamableHttpTransport.builder(api.server.url()).endpoint("/mcp").build());
            assertThatThrownBy(keyless::initialize).as("no x-api-key").isInstanceOf(RuntimeException.class);
            keyless.close();
        }
    }

    @Test
    void overStdioOfASeparateProcess() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the JVM prints its own warnings (thread or memory shortage on a loaded machine...) to stdout by default; the
        // SDK's client stops reading at the first line that is not JSON-RPC, so they must go to stderr like ./rover mcp's
        ServerParameters process = ServerParameters.builder(java).args(
                "-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:+DisplayVMOutputToStderr",
                "-cp", System.getProperty("java.class.path"), StdioMcpMain.class.getName(), data.toString()).build();
        StdioClientTransport transport = new StdioClientTransport(process, new JacksonMcpJsonMapper(Json.mapper()));
        List<String> stderr = new CopyOnWriteArrayList<>();
        transport.setStdErrorHandler(stderr::add);
        McpSyncClient client = client(transport);
        try {
            exercise(client, null);
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError("MCP over stdio failed; the server process's stderr:\n" + String.join("\n", stderr), e);
        } finally {
            client.closeGracefully();
        }
        assertThat(stderr).as("what the process printed on System.out").contains(StdioMcpMain.NOISE);
    }

    private static McpSyncClient client(McpClientTransport transport) {
        return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).initializationTimeout(Duration.ofSeconds(60))
                .jsonSchemaValidator(new McpSchemas()).build();
    }

    private static void exercise(McpSyncClient client, String storedWorkflow) {
        client.initialize();
        assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).containsExactlyInAnyOrder("run_task",
                "run_workflow", "get_run", "list_runs", "cancel_run", "continue_run", "get_run_timeline", "list_workflows");

        JsonNode started = call(client, "run_workflow", storedWorkflow != null ? Map.of("workflow_id", storedWorkflow)
                : Map.of("yaml_definition", WAIT));
        String runId = started.get("run_id").asText();
        assertThat(runId).startsWith("wr_");
        JsonNode run = started;
        Instant end = Instant.now().plusSeconds(60);
        while (!run.get("status").asText().equals("completed") && Instant.now().isBefore(end)) {
            pause();
            run = call(client, "get_run", Map.of("run_id", runId));
        }
        assertThat(run.get("status").asText()).isEqualTo("completed");
        assertThat(call(client, "list_runs", Map.of("status", "completed")).toString()).contains(runId);
        assertThat(call(client, "get_run_timeline", Map.of("run_id", runId)).get(0).get("block").get("label").asText()).isEqualTo("pause");
        assertThat(call(client, "cancel_run", Map.of("run_id", runId)).get("status").asText()).isEqualTo("completed");
        if (storedWorkflow != null) {
            assertThat(call(client, "list_workflows", Map.of()).get(0).get("workflow_permanent_id").asText()).isEqualTo(storedWorkflow);
        }

        String approval = "title: MCP approval\nworkflow_definition:\n  blocks:\n    - block_type: human_interaction\n"
                + "      label: approval\n      instructions: Approve the order\n      timeout_seconds: 120\n";
        String pausedId = call(client, "run_workflow", Map.of("yaml_definition", approval)).get("run_id").asText();
        JsonNode paused = call(client, "get_run", Map.of("run_id", pausedId));
        Instant until = Instant.now().plusSeconds(60);
        while (!paused.get("status").asText().equals("paused") && Instant.now().isBefore(until)) {
            pause();
            paused = call(client, "get_run", Map.of("run_id", pausedId));
        }
        assertThat(paused.get("status").asText()).isEqualTo("paused");
        call(client, "continue_run", Map.of("run_id", pausedId, "comment", "ok to ship"));
        JsonNode continued = call(client, "get_run", Map.of("run_id", pausedId));
        while (!continued.get("status").asText().equals("completed") && Instant.now().isBefore(until)) {
            pause();
            continued = call(client, "get_run", Map.of("run_id", pausedId));
        }
        assertThat(continued.get("status").asText()).isEqualTo("completed");
        assertThat(continued.get("output").get("approval_output").get("comment").asText()).isEqualTo("ok to ship");
        McpSchema.CallToolResult notPaused = client.callTool(new McpSchema.CallToolRequest("continue_run", Map.of("run_id", pausedId)));
        assertThat(notPaused.isError()).isTrue();
        assertThat(text(notPaused)).contains("not paused");

        McpSchema.CallToolResult missing = client.callTool(new McpSchema.CallToolRequest("get_run", Map.of("run_id", "wr_nope")));
        assertThat(missing.isError()).isTrue();
        McpSchema.CallToolResult invalid = client.callTool(new McpSchema.CallToolRequest("run_task", Map.of("url", "http://127.0.0.1/")));
        assertThat(invalid.isError()).isTrue();
        assertThat(text(invalid)).contains("prompt");
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode call(McpSyncClient client, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, args));
        assertThat(result.isError()).as("%s: %s", tool, text(result)).isFalse();
        try {
            return Json.mapper().readTree(text(result));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }
}
