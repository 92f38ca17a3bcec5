package dev.rover.core.script;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link BlockScript} as a plain document of maps, lists and scalars with stable snake_case field names,
 * so the same shape is stored as JSON in the run database, shown as YAML by {@code rover scripts show} and read
 * back after a person edited it. Empty fields are left out; reading validates every field and names its path.
 *
 * <pre>
 * script_id, workflow, cache_key, block_label, revision, source_run_id, created_at,
 * actions: [{type, element: {locator: {id, test_id, name, role, accessible_name, label, placeholder, css, xpath,
 *            frame_path}, fingerprint: {tag, role, name, label, nearby_text, x, y}, origin}, value, arguments}]
 * </pre>
 */
public final class ScriptDocuments {

    /** The largest YAML document read back (a script of some thousand actions fits easily). */
    static final int MAX_YAML_CHARS = 5_000_000;

    private ScriptDocuments() {
    }

    /** The whole script as a document. */
    public static Map<String, Object> toMap(BlockScript script) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("script_id", script.scriptId());
        out.put("workflow", script.key().workflow());
        out.put("cache_key", script.key().cacheKey());
        out.put("block_label", script.key().blockLabel());
        out.put("revision", script.revision());
        putText(out, "source_run_id", script.sourceRunId());
        out.put("created_at", script.createdAt().toString());
        out.put("actions", actionsToList(script.actions()));
        return out;
    }

    /**
     * The actions as a list of documents; equal actions give equal lists whatever number types or argument
     * order they were built with, which is how a store tells a recording that changed nothing.
     */
    public static List<Map<String, Object>> actionsToList(List<ScriptAction> actions) {
        List<Map<String, Object>> out = new ArrayList<>(actions.size());
        for (ScriptAction action : actions) {
            out.add(actionToMap(action));
        }
        return out;
    }

    /** Whether two action lists record the same actions (number types and argument order aside). */
    public static boolean sameActions(List<ScriptAction> a, List<ScriptAction> b) {
        return actionsToList(a).equals(actionsToList(b));
    }

    private static Map<String, Object> actionToMap(ScriptAction action) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", action.type());
        if (action.element() != null) {
            Map<String, Object> element = new LinkedHashMap<>();
            Map<String, Object> locator = locatorToMap(action.element().locator());
            Map<String, Object> fingerprint = fingerprintToMap(action.element().fingerprint());
            if (!locator.isEmpty()) {
                element.put("locator", locator);
            }
            if (!fingerprint.isEmpty()) {
                element.put("fingerprint", fingerprint);
            }
            putText(element, "origin", action.element().origin());
            out.put("element", element);
        }
        if (action.value() != null) {
            out.put("value", action.value());
        }
        if (!action.arguments().isEmpty()) {
            Map<String, Object> arguments = new TreeMap<>();
            action.arguments().forEach((name, value) -> {
                if (value != null) {
                    arguments.put(name, canonical(value));
                }
            });
            out.put("arguments", new LinkedHashMap<>(arguments));
        }
        return out;
    }

    private static Map<String, Object> locatorToMap(ElementLocator l) {
        Map<String, Object> out = new LinkedHashMap<>();
        putText(out, "id", l.id());
        putText(out, "test_id", l.testId());
        putText(out, "name", l.nameAttribute());
        putText(out, "role", l.role());
        putText(out, "accessible_name", l.name());
        putText(out, "label", l.label());
        putText(out, "placeholder", l.placeholder());
        putText(out, "css", l.css());
        putText(out, "xpath", l.xpath());
        if (!l.framePath().isEmpty()) {
            out.put("frame_path", new ArrayList<>(l.framePath()));
        }
        return out;
    }

    private static Map<String, Object> fingerprintToMap(ElementFingerprint f) {
        Map<String, Object> out = new LinkedHashMap<>();
        putText(out, "tag", f.tag());
        putText(out, "role", f.role());
        putText(out, "name", f.name());
        putText(out, "label", f.label());
        putText(out, "nearby_text", f.nearbyText());
        if (f.relativeX() >= 0) {
            out.put("x", f.relativeX());
        }
        if (f.relativeY() >= 0) {
            out.put("y", f.relativeY());
        }
        return out;
    }

    /** Whole numbers as longs and other numbers as doubles, so 2, 2L and a JSON-read 2 compare equal. */
    private static Object canonical(Object value) {
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ScriptDocuments::canonical).toList();
        }
        return value;
    }

    private static void putText(Map<String, Object> out, String name, String value) {
        if (value != null && !value.isEmpty()) {
            out.put(name, value);
        }
    }

    /** Several scripts as one YAML list (a run's {@code script_file} artifact). */
    public static String yaml(List<BlockScript> scripts) {
        return new Yaml(new Representer(yamlOptions()), yamlOptions()).dump(scripts.stream().map(ScriptDocuments::toMap).toList());
    }

    /** The script as YAML for people: block style, empty fields left out. */
    public static String toYaml(BlockScript script) {
        return new Yaml(new Representer(yamlOptions()), yamlOptions()).dump(toMap(script));
    }

    private static DumperOptions yamlOptions() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(120);
        options.setSplitLines(false);
        return options;
    }

    /**
     * Reads a script document (as written by {@link #toMap}, from JSON or edited YAML).
     *
     * @throws InvalidScriptException naming every field that is missing or wrong, by its path
     */
    public static BlockScript fromMap(Object document, String source) {
        return read(document, source, true);
    }

    /**
     * Reads back a document Rover itself stored with {@link #toMap}: field shapes are checked, but not what only a
     * person could get wrong (an action without the element it needs), so every script the model accepts reads back.
     */
    public static BlockScript fromStored(Object document, String source) {
        return read(document, source, false);
    }

    private static BlockScript read(Object document, String source, boolean strict) {
        ScriptDocumentReader reader = new ScriptDocumentReader(strict);
        BlockScript script = reader.script(document);
        if (!reader.problems().isEmpty() || script == null) {
            throw new InvalidScriptException(source, reader.problems());
        }
        return script;
    }

    /**
     * Reads a script from YAML (or JSON) text, such as {@link #toYaml} wrote and a person then edited.
     *
     * @param source what the text is, for messages (a file name)
     * @throws InvalidScriptException on a syntax error or any invalid field, naming the line or the field path
     */
    public static BlockScript fromYaml(String text, String source) {
        if (text.length() > MAX_YAML_CHARS) {
            throw new InvalidScriptException(source, List.of("the document is " + text.length()
                    + " characters long; a script document is at most " + MAX_YAML_CHARS));
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(MAX_YAML_CHARS);
        Object document;
        try {
            document = new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext() != null ? e.getContext() : "cannot be read";
            throw new InvalidScriptException(source, List.of(where + "syntax error: " + problem));
        } catch (YAMLException e) {
            throw new InvalidScriptException(source, List.of("cannot be read: " + e.getMessage()));
        }
        if (document == null) {
            throw new InvalidScriptException(source, List.of("the document is empty; expected a map with script_id,"
                    + " workflow, cache_key, block_label, revision, created_at and actions"));
        }
        return fromMap(document, source);
    }
}
