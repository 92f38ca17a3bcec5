package dev.rover.core.script;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a script document field by field, collecting a problem (with the field's path) for everything
 * missing or wrong instead of stopping at the first, so one edit-and-save round shows them all.
 */
final class ScriptDocumentReader {

    private static final List<String> ROOT_FIELDS = List.of("script_id", "workflow", "cache_key", "block_label",
            "revision", "source_run_id", "created_at", "actions");
    private static final List<String> ACTION_FIELDS = List.of("type", "element", "value", "arguments");
    private static final List<String> ELEMENT_FIELDS = List.of("locator", "fingerprint", "origin");
    private static final List<String> LOCATOR_FIELDS = List.of("id", "test_id", "name", "role", "accessible_name",
            "label", "placeholder", "css", "xpath", "frame_path");
    private static final List<String> FINGERPRINT_FIELDS = List.of("tag", "role", "name", "label", "nearby_text", "x", "y");
    private static final List<String> ARGUMENTS = List.of("checked", "keys", "direction", "pixels", "seconds", "index", "by");


    private final List<String> problems = new ArrayList<>();
    private final boolean strict;

    /**
     * @param strict whether to check what a replay needs beyond the field shapes (an element for a click, a
     *               tag in each fingerprint, known arguments): on for documents people wrote, off for what
     *               Rover itself stored, so a recording the model accepts always reads back
     */
    ScriptDocumentReader(boolean strict) {
        this.strict = strict;
    }

    List<String> problems() {
        return problems;
    }

    BlockScript script(Object document) {
        Map<String, Object> root = map(document, "");
        if (root == null) {
            return null;
        }
        unknownFields(root, ROOT_FIELDS, "");
        String scriptId = text(root, "script_id", "", true);
        String workflow = text(root, "workflow", "", true);
        String cacheKey = text(root, "cache_key", "", false);
        String blockLabel = text(root, "block_label", "", true);
        Integer revision = integer(root, "revision", "", true, 1);
        String sourceRunId = text(root, "source_run_id", "", false);
        Instant createdAt = instant(root, "created_at");
        List<ScriptAction> actions = actions(root.get("actions"));
        if (!problems.isEmpty()) {
            return null;
        }
        return new BlockScript(scriptId, new ScriptKey(workflow, cacheKey == null ? "" : cacheKey, blockLabel), revision,
                actions, sourceRunId, createdAt);
    }

    private List<ScriptAction> actions(Object value) {
        if (value == null) {
            problems.add("actions: missing; expected a list of actions (it may be empty)");
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            problems.add("actions: expected a list of actions, got " + kind(value));
            return List.of();
        }
        List<ScriptAction> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            ScriptAction action = action(list.get(i), "actions[" + i + "]");
            if (action != null) {
                out.add(action);
            }
        }
        return out;
    }

    private ScriptAction action(Object value, String path) {
        Map<String, Object> m = map(value, path);
        if (m == null) {
            return null;
        }
        int before = problems.size();
        unknownFields(m, ACTION_FIELDS, path);
        String type = text(m, "type", path, true);
        if (type != null && !ScriptAction.TYPES.contains(type)) {
            problems.add(path + ".type: unknown action type '" + type + "'; expected one of "
                    + String.join(", ", new TreeSet<>(ScriptAction.TYPES)));
            type = null;
        }
        ElementIdentity element = m.containsKey("element") ? element(m.get("element"), path + ".element") : null;
        String actionValue = scalarText(m.get("value"), path + ".value");
        Map<String, Object> arguments = arguments(m.get("arguments"), path + ".arguments");
        if (type != null && strict) {
            Map<?, ?> given = m.get("arguments") instanceof Map<?, ?> raw ? raw : Map.of();
            ActionRules.requirements(type, m.containsKey("element"), actionValue, given, path, problems);
        }
        if (problems.size() > before || type == null) {
            return null;
        }
        return new ScriptAction(type, element, actionValue, arguments);
    }

    private ElementIdentity element(Object value, String path) {
        Map<String, Object> m = map(value, path);
        if (m == null) {
            return null;
        }
        unknownFields(m, ELEMENT_FIELDS, path);
        ElementLocator locator = locator(m.get("locator"), path + ".locator");
        ElementFingerprint fingerprint = fingerprint(m.get("fingerprint"), path + ".fingerprint");
        if (locator == null || fingerprint == null) {
            return null;
        }
        return new ElementIdentity(locator, fingerprint, scalarText(m.get("origin"), path + ".origin"));
    }

    private ElementLocator locator(Object value, String path) {
        if (value == null && !strict) {
            return new ElementLocator(null, null, null, null, null, null, null, null, null, null);
        }
        if (value == null) {
            problems.add(path + ": missing; give at least one of " + String.join(", ", LOCATOR_FIELDS.subList(0, 9)));
            return null;
        }
        Map<String, Object> m = map(value, path);
        if (m == null) {
            return null;
        }
        unknownFields(m, LOCATOR_FIELDS, path);
        List<String> frames = new ArrayList<>();
        Object framePath = m.get("frame_path");
        if (framePath instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String frame = scalarText(list.get(i), path + ".frame_path[" + i + "]");
                if (frame == null || frame.isBlank()) {
                    problems.add(path + ".frame_path[" + i + "]: expected a frame name or URL");
                } else {
                    frames.add(frame);
                }
            }
        } else if (framePath != null) {
            problems.add(path + ".frame_path: expected a list of frame names or URLs, got " + kind(framePath));
        }
        ElementLocator locator = new ElementLocator(text(m, "id", path, false), text(m, "test_id", path, false),
                text(m, "name", path, false), text(m, "role", path, false), text(m, "accessible_name", path, false),
                text(m, "label", path, false), text(m, "placeholder", path, false), text(m, "css", path, false),
                text(m, "xpath", path, false), frames);
        if (strict && locator.isEmpty()) {
            problems.add(path + ": no way to find the element; give at least one of id, test_id, name, css,"
                    + " role with accessible_name, label, placeholder, xpath");
        }
        return locator;
    }

    private ElementFingerprint fingerprint(Object value, String path) {
        if (value == null && strict) {
            problems.add(path + ": missing; a replay checks the element it finds against it (give at least its tag)");
            return null;
        }
        Map<String, Object> m = value == null ? Map.of() : map(value, path);
        if (m == null) {
            return null;
        }
        unknownFields(m, FINGERPRINT_FIELDS, path);
        if (strict && m.get("tag") == null) {
            problems.add(path + ".tag: missing; a replay checks the element it finds is still this kind of element");
        }
        return new ElementFingerprint(text(m, "tag", path, false), text(m, "role", path, false), text(m, "name", path, false),
                text(m, "label", path, false), text(m, "nearby_text", path, false), position(m, "x", path),
                position(m, "y", path));
    }

    private double position(Map<String, Object> m, String field, String path) {
        Object value = m.get(field);
        if (value == null) {
            return -1;
        }
        if (!(value instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 1) {
            problems.add(path + "." + field + ": expected a fraction of the page from 0 to 1, got " + describe(value));
            return -1;
        }
        return n.doubleValue();
    }

    private Map<String, Object> arguments(Object value, String path) {
        if (value == null) {
            return Map.of();
        }
        Map<String, Object> m = map(value, path);
        if (m == null) {
            return Map.of();
        }
        if (!strict) {
            return new LinkedHashMap<>(m);
        }
        unknownFields(m, ARGUMENTS, path);
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((name, v) -> {
            Object checked = ActionRules.argument(name, v, path + "." + name, problems);
            if (checked != null) {
                out.put(name, checked);
            }
        });
        return out;
    }

    private void unknownFields(Map<String, Object> m, List<String> known, String path) {
        for (String field : m.keySet()) {
            if (!known.contains(field)) {
                problems.add(join(path, field) + ": unknown field; expected one of " + String.join(", ", known));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object value, String path) {
        if (value instanceof Map<?, ?> m) {
            for (Object key : m.keySet()) {
                if (!(key instanceof String)) {
                    problems.add(join(path, String.valueOf(key)) + ": field names must be text, got " + kind(key));
                    return null;
                }
            }
            return (Map<String, Object>) m;
        }
        problems.add((path.isEmpty() ? "document" : path) + ": expected a map, got " + kind(value));
        return null;
    }

    private String text(Map<String, Object> m, String field, String path, boolean required) {
        Object value = m.get(field);
        if (value == null) {
            if (required) {
                problems.add(join(path, field) + ": missing");
            }
            return null;
        }
        String s = scalarText(value, join(path, field));
        if (required && s != null && s.isBlank()) {
            problems.add(join(path, field) + ": must not be empty");
        }
        return s;
    }

    /** A text field; numbers and booleans a person typed unquoted are taken as their text. */
    private String scalarText(Object value, String path) {
        if (value == null) {
            return null;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        problems.add(path + ": expected text, got " + kind(value));
        return null;
    }

    private Integer integer(Map<String, Object> m, String field, String path, boolean required, int min) {
        Object value = m.get(field);
        if (value == null) {
            if (required) {
                problems.add(join(path, field) + ": missing");
            }
            return null;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= min
                && n.doubleValue() <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        problems.add(join(path, field) + ": expected a whole number of at least " + min + ", got " + describe(value));
        return null;
    }

    private Instant instant(Map<String, Object> m, String field) {
        Object value = m.get(field);
        if (value == null) {
            problems.add(field + ": missing");
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        try {
            return Instant.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            problems.add(field + ": expected an ISO-8601 instant such as 2026-01-31T12:00:00Z, got " + describe(value));
            return null;
        }
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    static String describe(Object value) {
        if (value instanceof String s) {
            return "'" + (s.length() > 60 ? s.substring(0, 57) + "..." : s) + "'";
        }
        return value instanceof Number || value instanceof Boolean ? kind(value) + " " + value : kind(value);
    }

    static String kind(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map) {
            return "a map";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof String) {
            return "text";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Number) {
            return "a number";
        }
        return value.getClass().getSimpleName();
    }
}
