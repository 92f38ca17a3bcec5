package dev.rover.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.rover.core.json.Json;
import dev.rover.core.run.Run;
import dev.rover.core.error.RoverException;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Rover as an MCP server (the official MCP Java SDK): tools run_task, run_workflow, get_run, list_runs,
 * cancel_run, continue_run, get_run_timeline and list_workflows over the same {@link RunService} as the REST API, so an
 * assistant (Claude Code, Cursor, ...) gets the same answers and the same refusals. Served on stdio by
 * {@code rover mcp} and over streamable HTTP at {@code /mcp} by {@code rover serve}.
 */
public final class RoverMcp {

    /** The HTTP transport (a servlet) and the server on it. */
    record Http(HttpServletStreamableServerTransportProvider servlet, McpSyncServer server) {
    }

    private static final McpJsonMapper JSON = new JacksonMcpJsonMapper(Json.mapper());
    private static final String BASE = "rover://";

    private RoverMcp() {
    }

    static Http http(RunService service, String version) {
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(JSON).mcpEndpoint("/mcp").build();
        return new Http(transport, build(McpServer.sync(transport), service, version));
    }

    /**
     * Reserves the process's stdout for MCP messages: returns it, and points {@code System.out} at stderr so
     * nothing else the process prints reaches the client. Call it before building Rover. The SDK's stdio client
     * stops reading at the first line that is not JSON-RPC, and then every request (initialize first) times out.
     */
    public static java.io.PrintStream reserveStdout() {
        java.io.PrintStream protocol = System.out;
        System.setOut(System.err);
        return protocol;
    }

    /**
     * Serves MCP on these streams (stdin and stdout for {@code rover mcp}) and returns when the client closes
     * {@code in}. Nothing else may write to {@code out}: it carries only MCP messages.
     */
    public static void serveStdio(dev.rover.Rover rover, InputStream in, OutputStream out) throws InterruptedException {
        java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        InputStream watched = new java.io.FilterInputStream(in) {
            @Override
            public int read() throws java.io.IOException {
                return ended(super.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                return ended(super.read(b, off, len));
            }

            private int ended(int n) {
                if (n < 0) {
                    closed.countDown();
                }
                return n;
            }
        };
        McpSyncServer server = build(McpServer.sync(new StdioSends(new StdioServerTransportProvider(JSON, watched, out))), new RunService(rover),
                RoverServer.version());
        try {
            closed.await();
        } finally {
            server.close();
        }
    }

    private static McpSyncServer build(McpServer.SyncSpecification<?> spec, RunService service, String version) {
        return spec.serverInfo("rover", version).jsonMapper(JSON).jsonSchemaValidator(new McpSchemas())
                .instructions("Rover runs browser tasks and Skyvern-compatible workflows. Start one with run_task or "
                        + "run_workflow, then poll get_run until its status is completed, failed, terminated, canceled or timed_out.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools(service)).build();
    }

    private static List<SyncToolSpecification> tools(RunService service) {
        return List.of(
                tool("run_task", "Start a browser task: the goal in plain language (prompt) and where to start (url). "
                        + "Answers at once with the queued run; poll get_run for the result.",
                        "{\"type\":\"object\",\"properties\":{\"prompt\":{\"type\":\"string\"},\"url\":{\"type\":\"string\"},"
                                + "\"engine\":{\"type\":\"string\"},\"max_steps\":{\"type\":\"integer\"},"
                                + "\"data_extraction_schema\":{\"type\":\"object\"},\"title\":{\"type\":\"string\"},"
                                + "\"totp_identifier\":{\"type\":\"string\"},\"webhook_url\":{\"type\":\"string\"}},\"required\":[\"prompt\"]}",
                        args -> run(service.startTask(Fields.parse(Json.compact(args))))),
                tool("run_workflow", "Start a workflow stored on this server (workflow_id) or given inline (yaml_definition), "
                        + "with its parameters.",
                        "{\"type\":\"object\",\"properties\":{\"workflow_id\":{\"type\":\"string\"},\"yaml_definition\":{\"type\":\"string\"},"
                                + "\"parameters\":{\"type\":\"object\"},\"webhook_url\":{\"type\":\"string\"}}}",
                        args -> run(service.startWorkflow(Fields.parse(Json.compact(args)), null))),
                tool("get_run", "A run: status, output, failure reason, downloaded files.", idSchema(),
                        args -> run(service.rover().getRun(id(args)).orElseThrow(() -> new dev.rover.core.error.RunNotFoundException(id(args))))),
                tool("list_runs", "Runs, newest first, optionally of one status.",
                        "{\"type\":\"object\",\"properties\":{\"status\":{\"type\":\"string\"},\"page\":{\"type\":\"integer\"},"
                                + "\"page_size\":{\"type\":\"integer\"}}}",
                        args -> {
                            Fields f = Fields.parse(Json.compact(args)).only(java.util.Set.of("status", "page", "page_size"), Map.of());
                            String status = f.string("status");
                            Integer page = f.integer("page", 1, 1_000_000);
                            Integer size = f.integer("page_size", 1, 100);
                            ArrayNode out = Json.mapper().createArrayNode();
                            service.list(page == null ? 1 : page, size == null ? 10 : size, status == null ? List.of() : List.of(status),
                                    null, null).forEach(r -> out.add(RunResponses.run(r, BASE, List.of())));
                            return Json.pretty(out);
                        }),
                tool("cancel_run", "Cancel a queued or running run.", idSchema(), args -> run(service.rover().cancelRun(id(args)))),
                tool("continue_run", "Answer a run paused in a human_interaction block (status paused; get_run shows what it"
                        + " awaits): approve it (approve true, the default) so it goes on, or reject it (approve false) so it ends"
                        + " terminated; comment is kept in the block's output.",
                        "{\"type\":\"object\",\"properties\":{\"run_id\":{\"type\":\"string\"},\"approve\":{\"type\":\"boolean\"},"
                                + "\"comment\":{\"type\":\"string\"}},\"required\":[\"run_id\"]}",
                        args -> {
                            Map<String, Object> body = new java.util.LinkedHashMap<>(args);
                            String id = id(args);
                            body.remove("run_id");
                            return run(service.continueRun(id, Json.compact(body)));
                        }),
                tool("get_run_timeline", "A run's timeline: blocks, steps, the actions taken and the reasoning behind them.",
                        idSchema(), args -> {
                            ArrayNode out = Json.mapper().createArrayNode();
                            service.rover().getRunTimeline(id(args)).forEach(e -> out.add(RunResponses.timeline(e, BASE)));
                            return Json.pretty(out);
                        }),
                tool("list_workflows", "Workflows stored on this server, with their parameters.",
                        "{\"type\":\"object\",\"properties\":{}}", args -> {
                            ArrayNode out = Json.mapper().createArrayNode();
                            service.rover().workflows().list().forEach(w -> out.add(WorkflowRoutes.response(w)));
                            return Json.pretty(out);
                        }));
    }

    private static String idSchema() {
        return "{\"type\":\"object\",\"properties\":{\"run_id\":{\"type\":\"string\"}},\"required\":[\"run_id\"]}";
    }

    private static String id(Map<String, Object> args) {
        Object id = args.get("run_id");
        if (!(id instanceof String s) || s.isBlank()) {
            throw new InvalidFieldException(List.of("arguments", "run_id"), "field required (a run id such as tsk_... or wr_...)");
        }
        return s;
    }

    private static String run(Run run) {
        return Json.pretty(RunResponses.run(run, BASE, List.of()));
    }

    private static SyncToolSpecification tool(String name, String description, String schema,
                                              Function<Map<String, Object>, String> call) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).description(description).inputSchema(JSON, schema).build();
        return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
            Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
            try {
                return McpSchema.CallToolResult.builder().addTextContent(call.apply(args)).isError(false).build();
            } catch (RoverException e) {
                return McpSchema.CallToolResult.builder().addTextContent(e.getMessage()).isError(true).build();
            }
        }).build();
    }
}
