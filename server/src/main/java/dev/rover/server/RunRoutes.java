package dev.rover.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rover.Rover;
import dev.rover.core.error.RunNotFoundException;
import dev.rover.core.json.Json;
import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.Run;
import io.javalin.http.Context;

import java.io.InputStream;
import java.util.List;

/**
 * Skyvern's run endpoints: run a task or a workflow, get, list, cancel (one or many), continue a paused run
 * (Skyvern's {@code /workflows/runs/{id}/continue}), timeline, artifacts and their content, and retrying a run's webhook.
 */
final class RunRoutes {

    private final RunService service;
    private final Rover rover;

    RunRoutes(RunService service) {
        this.service = service;
        this.rover = service.rover();
    }

    void register(ApiRoutes api) {
        api.post("/run/tasks", "Run a task (TaskRunRequest: prompt, url, engine, ...)", ctx ->
                send(ctx, service.startTask(Fields.parse(ctx.body()))));
        for (String path : List.of("/run/workflows", "/run/agents")) {
            api.post(path, "Run a stored workflow (workflow_id or agent_id) or an inline one (yaml_definition, json_definition)",
                    ctx -> send(ctx, service.startWorkflow(Fields.parse(ctx.body()), maxStepsOverride(ctx))));
        }
        api.get("/runs", "List runs, newest first", this::list, "page", "page_size", "status", "search_key", "run_type");
        api.get("/runs/{run_id}", "Get a run", ctx -> send(ctx, find(ctx.pathParam("run_id"))));
        api.post("/runs/{run_id}/cancel", "Cancel a run", ctx -> send(ctx, rover.cancelRun(ctx.pathParam("run_id"))));
        api.post("/runs/cancel", "Cancel several runs (run_ids)", this::cancelMany);
        api.get("/runs/{run_id}/timeline", "A run's timeline: blocks, steps, actions and thoughts", this::timeline);
        api.get("/runs/{run_id}/artifacts", "A run's artifacts, of the given artifact_type values only when any are given",
                this::artifacts, "artifact_type");
        api.get("/artifacts/{artifact_id}", "An artifact", ctx ->
                json(ctx, RunResponses.artifact(artifact(ctx.pathParam("artifact_id")), base(ctx))));
        api.get("/artifacts/{artifact_id}/content", "An artifact's content, streamed with its content type", this::content);
        for (String path : List.of("/runs/{run_id}/continue", "/workflows/runs/{run_id}/continue")) {
            api.post(path, "Continue a run paused in a human_interaction block: approve it (optional body: approve false"
                    + " to reject, comment)", ctx -> send(ctx, service.continueRun(ctx.pathParam("run_id"), ctx.body())));
        }
        api.post("/runs/{run_id}/retry_webhook", "Send a finished run's webhook again", ctx ->
                send(ctx, rover.retryRunWebhook(ctx.pathParam("run_id"))));
    }

    private void list(Context ctx) {
        int page = intQuery(ctx, "page", 1, 1, 1_000_000);
        int pageSize = intQuery(ctx, "page_size", 10, 1, 100);
        List<Run> runs = service.list(page, pageSize, ApiErrors.multi(ctx, "status"), ctx.queryParam("search_key"),
                ctx.queryParam("run_type"));
        ArrayNode out = Json.mapper().createArrayNode();
        runs.forEach(run -> out.add(response(ctx, run)));
        json(ctx, out);
    }

    private void cancelMany(Context ctx) {
        Fields body = Fields.parse(ctx.body()).only(java.util.Set.of("run_ids"), java.util.Map.of());
        List<String> ids = body.stringList("run_ids");
        if (ids == null || ids.isEmpty()) {
            throw new InvalidFieldException(List.of("body", "run_ids"), "a non-empty list of run ids is required");
        }
        ids.forEach(this::find);
        ArrayNode out = Json.mapper().createArrayNode();
        ids.forEach(id -> out.add(response(ctx, rover.cancelRun(id))));
        json(ctx, out);
    }

    private void timeline(Context ctx) {
        String base = base(ctx);
        ArrayNode out = Json.mapper().createArrayNode();
        rover.getRunTimeline(ctx.pathParam("run_id")).forEach(entry -> out.add(RunResponses.timeline(entry, base)));
        json(ctx, out);
    }

    private void artifacts(Context ctx) {
        ArtifactType[] types = ApiErrors.multi(ctx, "artifact_type").stream().map(t -> {
            try {
                return ArtifactType.fromWireName(t);
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException(List.of("query", "artifact_type"), e.getMessage());
            }
        }).toArray(ArtifactType[]::new);
        String base = base(ctx);
        ArrayNode out = Json.mapper().createArrayNode();
        rover.getRunArtifacts(ctx.pathParam("run_id"), types).forEach(a -> out.add(RunResponses.artifact(a, base)));
        json(ctx, out);
    }

    private void content(Context ctx) throws java.io.IOException {
        ArtifactRecord artifact = artifact(ctx.pathParam("artifact_id"));
        InputStream in = rover.openArtifact(artifact);
        ctx.contentType(artifact.contentType() == null ? "application/octet-stream" : artifact.contentType());
        if (artifact.type() == ArtifactType.DOWNLOAD || artifact.type() == ArtifactType.TRACE) {
            String name = artifact.uri().substring(artifact.uri().lastIndexOf('/') + 1).replace("\"", "");
            ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        }
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.result(in);
    }

    private ArtifactRecord artifact(String id) {
        return rover.getArtifact(id).orElseThrow(() -> new NotFoundException("artifact", id));
    }

    private Run find(String id) {
        return rover.getRun(id).orElseThrow(() -> new RunNotFoundException(id));
    }

    private void send(Context ctx, Run run) {
        json(ctx, response(ctx, run));
    }

    private ObjectNode response(Context ctx, Run run) {
        List<ArtifactRecord> downloads = run.downloadedFiles().isEmpty() ? List.of()
                : rover.getRunArtifacts(run.runId(), ArtifactType.DOWNLOAD);
        return RunResponses.run(run, base(ctx), downloads);
    }

    private static Integer maxStepsOverride(Context ctx) {
        String header = ctx.header("x-max-steps-override");
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            int value = Integer.parseInt(header.trim());
            if (value >= 1 && value <= 1000) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidFieldException(List.of("header", "x-max-steps-override"), "must be a whole number from 1 to 1000");
    }

    static int intQuery(Context ctx, String name, int fallback, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(v.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidFieldException(List.of("query", name), "must be a whole number from " + min + " to " + max);
    }

    /** This server's base URL as the caller reached it. */
    static String base(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }

    static void json(Context ctx, JsonNode node) {
        ctx.contentType("application/json").result(Json.compact(node));
    }
}
