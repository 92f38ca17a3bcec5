package dev.rover.blocks.runtime;

import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.definition.Parameter;
import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowSettings;
import dev.rover.core.json.Json;
import dev.rover.core.store.PrivateFiles;
import dev.rover.core.store.StoredWorkflow;
import dev.rover.core.store.WorkflowStore;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves a completed task as a workflow with {@code run_with: code} ({@code publish_workflow}): the task's block with
 * the same fields, so the workflow's runs replay the script the task recorded. The definition is stored in the
 * workflow store (its {@code wpid_...}) and written as a YAML file people can read, change and run.
 */
final class WorkflowPublisher {

    private final WorkflowStore store;
    private final Path folder;

    WorkflowPublisher(WorkflowStore store, Path folder) {
        this.store = store;
        this.folder = folder;
    }

    /** Where a published workflow went. */
    record Published(String workflowPermanentId, Path file) {
    }

    Published publish(Workflow task) {
        String yaml = yaml(task);
        StoredWorkflow stored = store.create(task.title(), "yaml", yaml);
        Path file = PrivateFiles.directory(folder, true).resolve(stored.workflowPermanentId() + ".yaml");
        try {
            PrivateFiles.createFile(file);
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the published workflow " + file, e);
        }
        return new Published(stored.workflowPermanentId(), file);
    }

    /** The task as a workflow definition whose block hashes like the task's (same type, label and fields). */
    static String yaml(Workflow task) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("title", task.title());
        WorkflowSettings s = task.settings();
        putIf(top, "proxy_location", s.proxyLocation());
        putIf(top, "webhook_callback_url", s.webhookCallbackUrl());
        putIf(top, "totp_verification_url", s.totpVerificationUrl());
        putIf(top, "totp_identifier", s.totpIdentifier());
        if (!s.extraHttpHeaders().isEmpty()) {
            top.put("extra_http_headers", new LinkedHashMap<>(s.extraHttpHeaders()));
        }
        if (s.maxScreenshotScrolls() != null) {
            top.put("max_screenshot_scrolls", s.maxScreenshotScrolls());
        }
        top.put("run_with", "code");
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("parameters", task.parameters().stream().filter(p -> p instanceof Parameter.CredentialParameter)
                .map(p -> {
                    Parameter.CredentialParameter c = (Parameter.CredentialParameter) p;
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("key", c.key());
                    m.put("parameter_type", "credential");
                    m.put("credential_id", c.credentialId());
                    return m;
                }).toList());
        definition.put("blocks", task.blocks().stream().map(WorkflowPublisher::block).toList());
        top.put("workflow_definition", definition);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        return new Yaml(options).dump(top);
    }

    private static Map<String, Object> block(BlockDefinition b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("block_type", b.blockType());
        m.put("label", b.label());
        if (b.model() != null) {
            m.put("model", new LinkedHashMap<>(b.model()));
        }
        // plain maps and lists: a JSON schema given as a tree becomes the same values a loaded file holds
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = Json.mapper().convertValue(b.fields(), LinkedHashMap.class);
        m.putAll(fields);
        return m;
    }

    private static void putIf(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
