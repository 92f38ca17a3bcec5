package dev.rover.server;

import dev.rover.Rover;
import dev.rover.TaskRequest;
import dev.rover.WorkflowRunOptions;
import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowLoader;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.RunType;
import dev.rover.core.store.StoredWorkflow;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns Skyvern's run requests into Rover runs and answers run queries, for the REST routes and the
 * MCP tools alike, so both accept the same fields and refuse the same mistakes.
 */
final class RunService {

    /** How many runs a list may page through (newest first); older runs are reached through their id. */
    static final int LIST_WINDOW = 10_000;

    private static final Set<String> TASK_FIELDS = Set.of("prompt", "url", "engine", "title", "proxy_location",
            "data_extraction_schema", "error_code_mapping", "max_steps", "webhook_url", "totp_identifier", "totp_url",
            "browser_session_id", "model", "extra_http_headers", "include_action_history_in_verification",
            "max_screenshot_scrolls", "browser_address", "user_agent", "credentials", "publish_workflow", "run_with", "ai_fallback");
    private static final Map<String, String> TASK_UNSUPPORTED = Map.of(
            "cdp_connect_headers", "not supported: Rover connects to browser_address without extra headers");
    private static final Set<String> WORKFLOW_FIELDS = Set.of("agent_id", "workflow_id", "yaml_definition", "json_definition",
            "parameters", "webhook_url", "browser_session_id", "max_elapsed_time_minutes", "extra_http_headers",
            "browser_address", "engine", "model", "run_with", "ai_fallback");
    private static final Map<String, String> WORKFLOW_UNSUPPORTED = Map.of(
            "title", "not supported: a workflow run takes the workflow's title",
            "proxy_location", "not supported per run: set proxy_location on the workflow's blocks",
            "totp_url", "not supported per run: set totp_verification_url in the workflow definition",
            "totp_identifier", "not supported per run: set totp_identifier in the workflow definition",
            "browser_profile_id", "not supported per run: start a browser session from the profile and pass browser_session_id",
            "max_screenshot_scrolls", "not supported for workflow runs",
            "cdp_connect_headers", "not supported: Rover connects to browser_address without extra headers",
            "run_metadata", "not supported");

    private final Rover rover;

    RunService(Rover rover) {
        this.rover = rover;
    }

    Rover rover() {
        return rover;
    }

    /** Starts a task from a TaskRunRequest body; answers at once with the queued run. */
    Run startTask(Fields f) {
        f.only(TASK_FIELDS, TASK_UNSUPPORTED);
        TaskRequest.Builder b = TaskRequest.builder(f.requiredString("prompt"));
        b.publishWorkflow(Boolean.TRUE.equals(f.bool("publish_workflow"))).runWith(runWith(f));
        b.aiFallback(f.bool("ai_fallback"));
        b.url(f.string("url")).engine(f.string("engine")).title(f.string("title")).proxyLocation(f.string("proxy_location"))
                .dataExtractionSchema(f.any("data_extraction_schema")).errorCodeMapping(f.stringMap("error_code_mapping"))
                .webhookUrl(f.string("webhook_url")).totpIdentifier(f.string("totp_identifier")).totpUrl(f.string("totp_url"))
                .browserSessionId(f.string("browser_session_id")).browserAddress(f.string("browser_address"))
                .extraHttpHeaders(f.stringMap("extra_http_headers")).userAgent(f.string("user_agent"));
        Integer maxSteps = f.integer("max_steps", 1, 1000);
        if (maxSteps != null) {
            b.maxSteps(maxSteps);
        }
        Integer scrolls = f.integer("max_screenshot_scrolls", 0, 100);
        if (scrolls != null) {
            b.maxScreenshotScrolls(scrolls);
        }
        if (Boolean.TRUE.equals(f.bool("include_action_history_in_verification"))) {
            b.includeActionHistoryInVerification(true);
        }
        Object model = f.any("model");
        if (model instanceof String name) {
            b.model(name);
        } else if (model instanceof Map<?, ?>) {
            b.model(f.objectMap("model"));
        } else if (model != null) {
            throw new InvalidFieldException(List.of("body", "model"), "must be a model name or an object such as {\"model_name\": \"...\"}");
        }
        List<String> credentials = f.stringList("credentials");
        if (credentials != null) {
            b.credentials(credentials);
        }
        return rover.startTask(build(b)).current();
    }

    /** {@code run_with}: {@code code} (cached replay) or {@code agent}; null when not given. */
    private static dev.rover.core.definition.WorkflowSettings.RunWith runWith(Fields f) {
        String text = f.string("run_with");
        if (text == null) {
            return null;
        }
        var mode = dev.rover.core.definition.WorkflowSettings.RunWith.parse(text);
        if (mode == null) {
            throw new InvalidFieldException(List.of("body", "run_with"), "must be code or agent, not '" + text + "'");
        }
        return mode;
    }

    private static TaskRequest build(TaskRequest.Builder b) {
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(List.of("body"), e.getMessage());
        }
    }

    /**
     * Starts a workflow from a WorkflowRunRequest body: a stored one by {@code workflow_id} (or {@code agent_id}),
     * or one given inline as {@code yaml_definition} / {@code json_definition} text.
     */
    Run startWorkflow(Fields f, Integer maxStepsOverride) {
        f.only(WORKFLOW_FIELDS, WORKFLOW_UNSUPPORTED);
        Workflow workflow = workflow(f);
        WorkflowRunOptions.Builder options = WorkflowRunOptions.builder().webhookUrl(f.string("webhook_url"))
                .browserSessionId(f.string("browser_session_id")).browserAddress(f.string("browser_address"))
                .extraHttpHeaders(f.stringMap("extra_http_headers")).engine(f.string("engine")).model(f.string("model"))
                .runWith(runWith(f));
        options.aiFallback(f.bool("ai_fallback"));
        Integer minutes = f.integer("max_elapsed_time_minutes", 1, 24 * 60);
        if (minutes != null) {
            options.elapsedTimeLimit(Duration.ofMinutes(minutes));
        }
        if (maxStepsOverride != null) {
            options.maxStepsPerBlock(maxStepsOverride);
        }
        Map<String, Object> parameters = f.objectMap("parameters");
        return rover.startWorkflow(workflow, parameters == null ? Map.of() : parameters, options.build()).current();
    }

    private Workflow workflow(Fields f) {
        String id = f.has("agent_id") ? f.string("agent_id") : f.string("workflow_id");
        String yaml = f.string("yaml_definition");
        String json = f.string("json_definition");
        int given = (id != null ? 1 : 0) + (yaml != null ? 1 : 0) + (json != null ? 1 : 0);
        if (given != 1) {
            throw new InvalidFieldException(List.of("body", "workflow_id"),
                    "give exactly one of workflow_id (or agent_id) of a stored workflow, yaml_definition or json_definition");
        }
        if (id != null) {
            StoredWorkflow stored = rover.workflows().latest(id).orElseThrow(() -> new NotFoundException("workflow", id));
            return load(stored.definition(), id);
        }
        return load(yaml != null ? yaml : json, "request body");
    }

    /** Loads a definition text; its problems come back as a 422 naming line, column and field. */
    static Workflow load(String definition, String sourceName) {
        return new WorkflowLoader().load(definition, sourceName);
    }

    /** Runs newest first, filtered by status, type and a text search, one page of them. */
    /**
     * Answers a run paused in a human_interaction block: approves it unless {@code approve} is false (Skyvern's
     * {@code continue} takes no body and approves), with an optional {@code comment}.
     */
    Run continueRun(String runId, String body) {
        Fields f = body == null || body.isBlank() ? Fields.parse("{}") : Fields.parse(body);
        f.only(java.util.Set.of("approve", "comment"), Map.of());
        Boolean approve = f.bool("approve");
        String comment = f.string("comment");
        return rover.resumeRun(runId, new dev.rover.core.run.HumanDecision(approve == null || approve,
                comment == null || comment.isBlank() ? null : comment));
    }

    List<Run> list(int page, int pageSize, List<String> statuses, String searchKey, String runType) {
        Set<RunStatus> wanted = statuses.stream().map(RunService::status).collect(java.util.stream.Collectors.toSet());
        RunType type = runType == null || runType.isBlank() ? null : type(runType);
        String search = searchKey == null || searchKey.isBlank() ? null : searchKey.toLowerCase(Locale.ROOT);
        return rover.listRuns(LIST_WINDOW).stream()
                .filter(r -> wanted.isEmpty() || wanted.contains(r.status()))
                .filter(r -> type == null || r.runType() == type)
                .filter(r -> search == null || matches(r, search))
                .skip((long) (page - 1) * pageSize).limit(pageSize).toList();
    }

    private static boolean matches(Run run, String search) {
        return run.runId().value().toLowerCase(Locale.ROOT).contains(search)
                || (run.title() != null && run.title().toLowerCase(Locale.ROOT).contains(search))
                || (run.workflowSource() != null && run.workflowSource().toLowerCase(Locale.ROOT).contains(search));
    }

    private static RunStatus status(String s) {
        try {
            return RunStatus.fromWireName(s);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(List.of("query", "status"), "unknown status '" + s + "'; allowed: "
                    + Arrays.stream(RunStatus.values()).map(RunStatus::wireName).toList());
        }
    }

    private static RunType type(String s) {
        for (RunType t : RunType.values()) {
            if (t.wireName().equals(s) || t.name().equalsIgnoreCase(s)) {
                return t;
            }
        }
        throw new InvalidFieldException(List.of("query", "run_type"), "unknown run type '" + s
                + "'; allowed: task_v1, workflow_run (or task, workflow)");
    }
}
