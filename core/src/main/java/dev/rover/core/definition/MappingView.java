package dev.rover.core.definition;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML map read field by field: each read checks presence and type and reports a problem with
 * the field's path and position instead of failing, so reading continues and every problem is found.
 */
final class MappingView {

    private final MappingNode node;
    private final String path;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private MappingView(MappingNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        Map<String, Node> seen = new HashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            String key = Nodes.keyOf(tuple.getKeyNode(), path, seen, problems);
            if (key != null) {
                entries.put(key, tuple);
            }
        }
    }

    /** A view of {@code node}, or null (with a problem naming {@code what}) when it is not a map. */
    static MappingView of(Node node, String path, Problems problems, String what) {
        if (node instanceof MappingNode mapping) {
            return new MappingView(mapping, path, problems);
        }
        problems.add(node, path, what + " must be a map, found " + Nodes.describe(node));
        return null;
    }

    MappingNode node() {
        return node;
    }

    String path() {
        return path;
    }

    Problems problems() {
        return problems;
    }

    String path(String field) {
        return Nodes.path(path, field);
    }

    /** The keys written, in file order. */
    Set<String> keys() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    /** Whether the field is written with a non-null value. */
    boolean has(String field) {
        return !Nodes.isNull(value(field));
    }

    /** The value node of a field, or null when absent. */
    Node value(String field) {
        NodeTuple tuple = entries.get(field);
        return tuple == null ? null : tuple.getValueNode();
    }

    /** Where the field's value starts, or where the map starts when the field is absent. */
    SourcePosition positionOf(String field) {
        Node value = value(field);
        return problems.at(value == null ? node : value);
    }

    SourcePosition position() {
        return problems.at(node);
    }

    /** Where each written field's value starts. */
    Map<String, SourcePosition> fieldPositions() {
        Map<String, SourcePosition> positions = new LinkedHashMap<>();
        entries.forEach((key, tuple) -> positions.put(key, problems.at(tuple.getValueNode())));
        return positions;
    }

    /**
     * Checks a field's presence and kind. Returns the value node when it is present, non-null and of
     * an accepted kind; otherwise null, after reporting a problem if the field was required or
     * written with the wrong kind.
     */
    Node check(String field, boolean required, Set<ValueKind> kinds) {
        Node value = value(field);
        if (Nodes.isNull(value)) {
            if (required) {
                String expected = ValueKind.describe(kinds);
                if (value == null) {
                    problems.add(node, path(field), "required field '" + field + "' is missing; expected " + expected);
                } else {
                    problems.add(value, path(field), "required field '" + field + "' is null; expected " + expected);
                }
            }
            return null;
        }
        ValueKind actual = Nodes.kindOf(value);
        if (kinds.stream().noneMatch(k -> k.accepts(actual))) {
            problems.add(value, path(field), "expected " + ValueKind.describe(kinds) + ", found " + Nodes.describe(value));
            return null;
        }
        return value;
    }

    /** A string field, or null when absent, null or not a string. */
    String string(String field, boolean required) {
        Node value = check(field, required, EnumSet.of(ValueKind.STRING));
        return value == null ? null : (String) Nodes.toValue(value, path(field), problems);
    }

    /** An integer field, or null. */
    Long integer(String field, boolean required) {
        Node value = check(field, required, EnumSet.of(ValueKind.INTEGER));
        return value == null ? null : (Long) Nodes.toValue(value, path(field), problems);
    }

    /** A boolean field, or the default when absent or unreadable. */
    boolean bool(String field, boolean defaultValue) {
        Node value = check(field, false, EnumSet.of(ValueKind.BOOLEAN));
        return value == null ? defaultValue : (Boolean) Nodes.toValue(value, path(field), problems);
    }

    /**
     * A {@code model} field: Skyvern's {@code {model_name: ...}} map or a plain model name (read as
     * {@code {model_name: name}}), or null when absent. A map without a string {@code model_name} is a problem.
     */
    Map<String, Object> model(String field) {
        Node value = check(field, false, EnumSet.of(ValueKind.MAP, ValueKind.STRING));
        if (value == null) {
            return null;
        }
        Object read = Nodes.toValue(value, path(field), problems);
        if (read instanceof String name) {
            return name.isBlank() ? null : Map.of(MODEL_NAME, name.trim());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> model = (Map<String, Object>) read;
        if (model != null && !(model.get(MODEL_NAME) instanceof String name && !name.isBlank())) {
            problems.add(value, path(field), "a model map needs a non-empty string 'model_name' (for example "
                    + "model: {model_name: gpt-4o-mini}), or write the model name as a plain string");
        }
        return model;
    }

    /** The key of the model name in a {@code model} map. */
    static final String MODEL_NAME = "model_name";

    /** A map field as plain values, or null. */
    @SuppressWarnings("unchecked")
    Map<String, Object> map(String field, boolean required) {
        Node value = check(field, required, EnumSet.of(ValueKind.MAP));
        return value == null ? null : (Map<String, Object>) Nodes.toValue(value, path(field), problems);
    }

    /** A map whose values must all be strings (error code mappings, HTTP headers), or null. */
    Map<String, String> stringMap(String field) {
        Node value = check(field, false, EnumSet.of(ValueKind.MAP));
        if (value == null) {
            return null;
        }
        MappingView inner = new MappingView((MappingNode) value, path(field), problems);
        Map<String, String> result = new LinkedHashMap<>();
        for (String key : inner.keys()) {
            String text = inner.string(key, true);
            if (text != null) {
                result.put(key, text);
            }
        }
        return result;
    }

    /** The item nodes of a list field, or an empty list (with a problem if required or not a list). */
    List<Node> items(String field, boolean required) {
        Node value = check(field, required, EnumSet.of(ValueKind.LIST));
        return value == null ? List.of() : new ArrayList<>(((SequenceNode) value).getValue());
    }
}
