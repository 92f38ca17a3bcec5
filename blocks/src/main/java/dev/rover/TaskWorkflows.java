package dev.rover;

import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.definition.Parameter;
import dev.rover.core.definition.SourcePosition;
import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task run is a workflow of one {@code task} block: the prompt is its navigation goal, and when
 * a data extraction schema is given, its extraction goal too (as in Skyvern's task v1). Each
 * credential of the request becomes a credential parameter ({@code credential}, {@code credential_2}, ...)
 * named in the block's {@code parameter_keys}, so the engine gets its placeholders as a login would.
 */
final class TaskWorkflows {

    /** The label of a task run's one block; its output is the task's output. */
    static final String LABEL = "task";

    private TaskWorkflows() {
    }

    static Workflow of(TaskRequest request) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (request.url() != null && !request.url().isBlank()) {
            fields.put("url", literal(request.url()));
        }
        fields.put("navigation_goal", literal(request.prompt()));
        if (request.dataExtractionSchema() != null) {
            fields.put("data_extraction_goal", literal(request.prompt()));
            fields.put("data_schema", request.dataExtractionSchema());
        }
        if (!request.errorCodeMapping().isEmpty()) {
            fields.put("error_code_mapping", new LinkedHashMap<String, Object>(request.errorCodeMapping()));
        }
        if (request.totpIdentifier() != null) {
            fields.put("totp_identifier", request.totpIdentifier());
        }
        if (request.totpUrl() != null) {
            fields.put("totp_verification_url", request.totpUrl());
        }
        if (request.engine() != null) {
            fields.put("engine", request.engine());
        }
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(new Parameter.OutputParameter(LABEL + "_output", null, SourcePosition.UNKNOWN));
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < request.credentials().size(); i++) {
            String key = i == 0 ? "credential" : "credential_" + (i + 1);
            parameters.add(new Parameter.CredentialParameter(key, "login for the task", request.credentials().get(i), SourcePosition.UNKNOWN));
            keys.add(key);
        }
        if (!keys.isEmpty()) {
            fields.put("parameter_keys", keys);
        }
        BlockDefinition block = new BlockDefinition("task", LABEL, null, false, false, request.model(), fields, List.of(),
                SourcePosition.UNKNOWN, Map.of());
        WorkflowSettings d = WorkflowSettings.DEFAULTS;
        WorkflowSettings settings = new WorkflowSettings(request.proxyLocation(), request.webhookUrl(), request.totpUrl(),
                request.totpIdentifier(), false, null, request.extraHttpHeaders(), request.model(), request.maxScreenshotScrolls(),
                d.maxElapsedTimeMinutes(), d.runWith(), d.aiFallback(), d.cacheKey(), null, null);
        String title = request.title() != null && !request.title().isBlank() ? request.title() : shorten(request.prompt());
        return new Workflow("<task>", title, null, settings, 1, List.copyOf(parameters), List.of(block), null, Map.of(), null);
    }

    /**
     * A task's text is what the caller wrote, not a template: "{{" in a prompt stays "{{". The executor
     * renders every block field, so the text is wrapped to render as itself.
     */
    static String literal(String text) {
        if (!text.contains("{{") && !text.contains("{%") && !text.contains("{#")) {
            return text;
        }
        return "{% raw %}" + text.replace("{% endraw %}", "{% endraw %}{{ '{% endraw %}' }}{% raw %}") + "{% endraw %}";
    }

    private static String shorten(String prompt) {
        String line = prompt.strip().lines().findFirst().orElse("task");
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }
}
