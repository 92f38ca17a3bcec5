package dev.rover.core.script;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Block scripts as documents people read: YAML with snake_case field names. */
public final class ScriptDocuments {

    private ScriptDocuments() {
    }

    /** Scripts as one YAML document: a list of scripts. */
    public static String yaml(List<BlockScript> scripts) {
        org.yaml.snakeyaml.DumperOptions options = new org.yaml.snakeyaml.DumperOptions();
        options.setDefaultFlowStyle(org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
        return new org.yaml.snakeyaml.Yaml(options).dump(scripts.stream().map(ScriptDocuments::toMap).toList());
    }

    /** A script as a map of plain values. */
    public static Map<String, Object> toMap(BlockScript script) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("script_id", script.scriptId());
        m.put("workflow", script.key().workflow());
        m.put("cache_key", script.key().cacheKey());
        m.put("block_label", script.key().blockLabel());
        m.put("revision", script.revision());
        m.put("source_run_id", script.sourceRunId());
        m.put("created_at", script.createdAt().toString());
        m.put("actions", script.actions().stream().map(ScriptDocuments::action).toList());
        return m;
    }

    private static Map<String, Object> action(ScriptAction a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", a.type());
        if (a.element() != null) {
            ElementLocator l = a.element().locator();
            Map<String, Object> locator = new LinkedHashMap<>();
            put(locator, "id", l.id());
            put(locator, "test_id", l.testId());
            put(locator, "name", l.nameAttribute());
            put(locator, "role", l.role());
            put(locator, "accessible_name", l.name());
            put(locator, "label", l.label());
            put(locator, "placeholder", l.placeholder());
            put(locator, "css", l.css());
            put(locator, "xpath", l.xpath());
            if (!l.framePath().isEmpty()) {
                locator.put("frame_path", l.framePath());
            }
            ElementFingerprint f = a.element().fingerprint();
            Map<String, Object> print = new LinkedHashMap<>();
            put(print, "tag", f.tag());
            put(print, "role", f.role());
            put(print, "name", f.name());
            put(print, "label", f.label());
            put(print, "nearby_text", f.nearbyText());
            print.put("x", f.relativeX());
            print.put("y", f.relativeY());
            Map<String, Object> element = new LinkedHashMap<>();
            element.put("locator", locator);
            element.put("fingerprint", print);
            put(element, "origin", a.element().origin());
            m.put("element", element);
        }
        if (a.value() != null) {
            m.put("value", a.value());
        }
        if (!a.arguments().isEmpty()) {
            m.put("arguments", new LinkedHashMap<>(a.arguments()));
        }
        return m;
    }

    private static void put(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isEmpty()) {
            m.put(key, value);
        }
    }
}
