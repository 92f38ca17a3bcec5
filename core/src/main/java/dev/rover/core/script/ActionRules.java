package dev.rover.core.script;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each action type needs to be replayed and what its arguments may hold, checked on script documents a
 * person wrote or edited; problems are added with the field's path, like the rest of {@link ScriptDocumentReader}.
 */
final class ActionRules {

    /** Actions that act on an element and cannot be replayed without one. */
    static final Set<String> ELEMENT_TYPES = Set.of("click", "input_text", "select_option", "checkbox", "upload_file", "hover");
    /** Actions on the page or the tabs, which have no element. */
    static final Set<String> PAGE_TYPES = Set.of("wait", "goto_url", "go_back", "new_tab", "switch_tab");
    private static final Set<String> VALUE_TYPES = Set.of("input_text", "upload_file", "goto_url");
    private static final List<String> DIRECTIONS = List.of("up", "down", "left", "right");

    private ActionRules() {
    }

    /** Adds a problem for each thing the action needs to be replayed and lacks (an element, a value, an argument). */
    static void requirements(String type, boolean hasElement, String value, Map<?, ?> arguments, String path,
                             List<String> problems) {
        if (ELEMENT_TYPES.contains(type) && !hasElement) {
            problems.add(path + ".element: missing; " + article(type) + " action needs the element it acts on");
        }
        if (PAGE_TYPES.contains(type) && hasElement) {
            problems.add(path + ".element: " + article(type) + " action acts on the page, not on an element; remove it");
        }
        if (VALUE_TYPES.contains(type) && (value == null || value.isEmpty() && !type.equals("input_text"))) {
            problems.add(path + ".value: missing; " + article(type) + " action needs "
                    + (type.equals("goto_url") ? "the URL to open" : type.equals("upload_file") ? "the file to upload" : "the text to type"));
        }
        if (type.equals("select_option") && value == null && !arguments.containsKey("index")) {
            problems.add(path + ".value: missing; a select_option action needs the option (or arguments.index)");
        }
        if (type.equals("checkbox") && !arguments.containsKey("checked")) {
            problems.add(path + ".arguments.checked: missing; a checkbox action needs true or false");
        }
        if (type.equals("keypress") && !arguments.containsKey("keys")) {
            problems.add(path + ".arguments.keys: missing; a keypress action needs the keys to press");
        }
        if (type.equals("scroll") && !arguments.containsKey("direction")) {
            problems.add(path + ".arguments.direction: missing; a scroll action needs one of " + String.join(", ", DIRECTIONS));
        }
        if (type.equals("switch_tab") && !arguments.containsKey("index")) {
            problems.add(path + ".arguments.index: missing; a switch_tab action needs the tab's index");
        }
    }

    /** The argument as a replay reads it, or null after adding a problem; unknown names are reported by the reader. */
    static Object argument(String name, Object v, String path, List<String> problems) {
        switch (name) {
            case "checked" -> {
                if (v instanceof Boolean) {
                    return v;
                }
                problems.add(path + ": expected true or false, got " + ScriptDocumentReader.describe(v));
            }
            case "keys" -> {
                if (v instanceof String s && !s.isBlank()) {
                    return List.of(s);
                }
                if (v instanceof List<?> keys && !keys.isEmpty() && keys.stream().allMatch(k -> k instanceof String s && !s.isBlank())) {
                    return List.copyOf(keys);
                }
                problems.add(path + ": expected a key (Enter, Control+A) or a list of keys, got " + ScriptDocumentReader.describe(v));
            }
            case "direction" -> {
                if (v instanceof String s && DIRECTIONS.contains(s)) {
                    return s;
                }
                problems.add(path + ": expected one of " + String.join(", ", DIRECTIONS) + ", got " + ScriptDocumentReader.describe(v));
            }
            case "by" -> {
                if ("label".equals(v) || "value".equals(v)) {
                    return v;
                }
                problems.add(path + ": expected label or value (what the option is chosen by), got " + ScriptDocumentReader.describe(v));
            }
            case "pixels", "index" -> {
                if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= 0) {
                    return n.longValue();
                }
                problems.add(path + ": expected a whole number of at least 0, got " + ScriptDocumentReader.describe(v));
            }
            case "seconds" -> {
                if (v instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 3600) {
                    return n;
                }
                problems.add(path + ": expected a number of seconds from 0 to 3600, got " + ScriptDocumentReader.describe(v));
            }
            default -> {
                // reported by unknownFields
            }
        }
        return null;
    }

    private static String article(String type) {
        return ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
    }
}
