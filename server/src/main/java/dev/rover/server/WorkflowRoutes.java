package dev.rover.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rover.core.definition.Parameter;
import dev.rover.core.definition.Workflow;
import dev.rover.core.json.Json;
import dev.rover.core.store.StoredWorkflow;
import dev.rover.core.store.WorkflowStore;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Skyvern's workflow ("agent") endpoints over the {@link WorkflowStore}: create and update from YAML or
 * JSON text (checked by the definition loader, whose problems name line, column and field), list, get,
 * versions and delete; under both {@code /agents} and the older {@code /workflows} paths.
 */
final class WorkflowRoutes {

    private final WorkflowStore store;

    WorkflowRoutes(WorkflowStore store) {
        this.store = store;
    }

    void register(ApiRoutes api) {
        for (String root : List.of("/agents", "/workflows")) {
            api.post(root, "Create a workflow from yaml_definition or json_definition text", this::create);
            api.get(root, "List workflows (their newest versions)", this::list, "page", "page_size");
            api.get(root + "/{workflow_id}", "Get a workflow's newest version", ctx ->
                    RunRoutes.json(ctx, response(latest(ctx.pathParam("workflow_id")))));
            api.get(root + "/{workflow_id}/versions", "Every version of a workflow", ctx -> {
                List<StoredWorkflow> versions = store.versions(ctx.pathParam("workflow_id"));
                if (versions.isEmpty()) {
                    throw new NotFoundException("workflow", ctx.pathParam("workflow_id"));
                }
                ArrayNode out = Json.mapper().createArrayNode();
                versions.forEach(v -> out.add(response(v)));
                RunRoutes.json(ctx, out);
            });
            api.post(root + "/{workflow_id}", "Update a workflow: stores a new version", this::update);
            api.post(root + "/{workflow_id}/delete", "Delete a workflow (its versions stay stored)", ctx -> {
                String id = ctx.pathParam("workflow_id");
                if (!store.delete(id)) {
                    throw new NotFoundException("workflow", id);
                }
                RunRoutes.json(ctx, Json.mapper().createObjectNode().put("workflow_permanent_id", id).put("deleted", true));
            });
        }
    }

    private void create(Context ctx) {
        Definition d = definition(Fields.parse(ctx.body()));
        RunRoutes.json(ctx, response(store.create(d.workflow().title(), d.format(), d.text())));
    }

    private void update(Context ctx) {
        String id = ctx.pathParam("workflow_id");
        latest(id);
        Definition d = definition(Fields.parse(ctx.body()));
        StoredWorkflow next = store.update(id, d.workflow().title(), d.format(), d.text())
                .orElseThrow(() -> new NotFoundException("workflow", id));
        RunRoutes.json(ctx, response(next));
    }

    private void list(Context ctx) {
        int page = RunRoutes.intQuery(ctx, "page", 1, 1, 1_000_000);
        int pageSize = RunRoutes.intQuery(ctx, "page_size", 100, 1, 1000);
        ArrayNode out = Json.mapper().createArrayNode();
        store.list().stream().skip((long) (page - 1) * pageSize).limit(pageSize).forEach(w -> out.add(response(w)));
        RunRoutes.json(ctx, out);
    }

    private StoredWorkflow latest(String id) {
        return store.latest(id).orElseThrow(() -> new NotFoundException("workflow", id));
    }

    private record Definition(String format, String text, Workflow workflow) {
    }

    private static Definition definition(Fields f) {
        f.only(Set.of("yaml_definition", "json_definition"), Map.of());
        String yaml = f.string("yaml_definition");
        String json = f.string("json_definition");
        if ((yaml == null) == (json == null)) {
            throw new InvalidFieldException(List.of("body", "yaml_definition"),
                    "give exactly one of yaml_definition or json_definition (the definition as text)");
        }
        String text = yaml != null ? yaml : json;
        return new Definition(yaml != null ? "yaml" : "json", text, RunService.load(text, "request body"));
    }

    /** The stored version as Skyvern answers a workflow, with its parameters read from the definition. */
    static ObjectNode response(StoredWorkflow w) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("workflow_permanent_id", w.workflowPermanentId());
        node.put("workflow_id", w.workflowPermanentId() + "_v" + w.version());
        node.put("version", w.version());
        node.put("title", w.title());
        node.put("created_at", w.createdAt().toString());
        node.put("modified_at", w.createdAt().toString());
        node.put(w.format() + "_definition", w.definition());
        Workflow workflow = RunService.load(w.definition(), w.workflowPermanentId());
        node.put("description", workflow.description());
        ArrayNode params = node.putArray("parameters");
        for (Parameter p : workflow.parameters()) {
            if (p instanceof Parameter.OutputParameter) {
                continue;
            }
            ObjectNode item = params.addObject();
            item.put("key", p.key()).put("parameter_type", p.parameterType()).put("description", p.description());
            if (p instanceof Parameter.WorkflowParameter wp) {
                item.put("workflow_parameter_type", wp.valueType().wireName());
                item.set("default_value", Json.mapper().valueToTree(wp.defaultValue()));
            }
        }
        return node;
    }
}
