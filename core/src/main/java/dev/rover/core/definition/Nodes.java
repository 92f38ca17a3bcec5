package dev.rover.core.definition;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns composed YAML nodes into plain Java values (String, Long, Double, Boolean, List, Map,
 * null) and names their kind for messages. Works on the node tree only, so no document can make
 * the loader construct arbitrary types.
 */
final class Nodes {

    /** Deeper nesting than this is refused. */
    static final int MAX_DEPTH = 64;

    private Nodes() {
    }

    static boolean isNull(Node node) {
        return node == null || (node instanceof ScalarNode && Tag.NULL.equals(node.getTag()));
    }

    /** The kind of a non-null node; unusual scalar tags (timestamps, custom tags) count as strings. */
    static ValueKind kindOf(Node node) {
        if (node instanceof MappingNode) {
            return ValueKind.MAP;
        }
        if (node instanceof SequenceNode) {
            return ValueKind.LIST;
        }
        Tag tag = node.getTag();
        if (Tag.INT.equals(tag)) {
            return ValueKind.INTEGER;
        }
        if (Tag.FLOAT.equals(tag)) {
            return ValueKind.NUMBER;
        }
        if (Tag.BOOL.equals(tag)) {
            return ValueKind.BOOLEAN;
        }
        return ValueKind.STRING;
    }

    /** How a node is described after "found": its kind, plus the text of a short scalar. */
    static String describe(Node node) {
        if (isNull(node)) {
            return "null";
        }
        ValueKind kind = kindOf(node);
        if (node instanceof ScalarNode scalar) {
            String text = scalar.getValue();
            if (text.length() > 40) {
                text = text.substring(0, 37) + "...";
            }
            return kind.displayName() + " '" + text.replace("\n", "\\n") + "'";
        }
        return kind.displayName();
    }

    static String path(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }

    /** The value of a node as a plain Java object, reporting unreadable numbers and odd keys. */
    static Object toValue(Node node, String path, Problems problems) {
        return toValue(node, path, problems, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Object toValue(Node node, String path, Problems problems, Set<Node> enclosing) {
        if (isNull(node)) {
            return null;
        }
        if (node instanceof ScalarNode scalar) {
            return scalarValue(scalar, path, problems);
        }
        if (!enclosing.add(node)) {
            problems.add(node, path, "an alias refers to a map or list that contains it; recursive values are not allowed");
            return null;
        }
        if (enclosing.size() > MAX_DEPTH) {
            problems.add(node, path, "nested more than " + MAX_DEPTH + " levels deep");
            enclosing.remove(node);
            return null;
        }
        try {
            return collectionValue(node, path, problems, enclosing);
        } finally {
            enclosing.remove(node);
        }
    }

    private static Object collectionValue(Node node, String path, Problems problems, Set<Node> enclosing) {
        if (node instanceof MappingNode mapping) {
            Map<String, Object> map = new LinkedHashMap<>();
            Map<String, Node> firstKeys = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = keyOf(tuple.getKeyNode(), path, firstKeys, problems);
                if (key != null) {
                    map.put(key, toValue(tuple.getValueNode(), path(path, key), problems, enclosing));
                }
            }
            return map;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            int i = 0;
            for (Node item : sequence.getValue()) {
                list.add(toValue(item, index(path, i++), problems, enclosing));
            }
            return list;
        }
        throw new IllegalStateException("unexpected YAML node " + node.getNodeId() + " at " + path);
    }

    /**
     * The text of a mapping key, or null (with a problem) when the key is not plain text or was
     * already used in the same map.
     */
    static String keyOf(Node keyNode, String parentPath, Map<String, Node> seen, Problems problems) {
        if (!(keyNode instanceof ScalarNode scalar)) {
            problems.add(keyNode, parentPath.isEmpty() ? "(document)" : parentPath,
                    "a key must be plain text, found " + describe(keyNode));
            return null;
        }
        String key = scalar.getValue();
        Node first = seen.putIfAbsent(key, keyNode);
        if (first != null) {
            problems.add(keyNode, path(parentPath, key), "duplicate key '" + key + "' (first written at line "
                    + (first.getStartMark().getLine() + 1) + "); each key may appear once per map");
            return null;
        }
        return key;
    }

    private static Object scalarValue(ScalarNode node, String path, Problems problems) {
        String text = node.getValue();
        Tag tag = node.getTag();
        if (Tag.BOOL.equals(tag)) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> Boolean.TRUE;
                default -> Boolean.FALSE;
            };
        }
        if (Tag.INT.equals(tag)) {
            Long value = parseLong(text);
            if (value == null) {
                problems.add(node, path, "integer '" + text + "' is not a whole number between "
                        + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
            }
            return value;
        }
        if (Tag.FLOAT.equals(tag)) {
            Double value = parseDouble(text);
            return value == null ? text : value;
        }
        return text;
    }

    /** Parses YAML integer forms (sign, underscores, 0x, 0o, 0b); null when out of range. */
    static Long parseLong(String text) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        if (t.startsWith("-") || t.startsWith("+")) {
            t = t.substring(1);
        }
        int radix = 10;
        if (t.startsWith("0x")) {
            radix = 16;
            t = t.substring(2);
        } else if (t.startsWith("0o")) {
            radix = 8;
            t = t.substring(2);
        } else if (t.startsWith("0b")) {
            radix = 2;
            t = t.substring(2);
        }
        try {
            return Long.parseLong((negative ? "-" : "") + t, radix);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Parses YAML float forms ({@code .inf}, {@code .nan}, underscores); null for spellings Java cannot read. */
    static Double parseDouble(String text) {
        String t = text.replace("_", "").toLowerCase(Locale.ROOT);
        return switch (t) {
            case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
            case "-.inf" -> Double.NEGATIVE_INFINITY;
            case ".nan" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    yield null; // sexagesimal and other YAML 1.1 float spellings stay text
                }
            }
        };
    }
}
