package dev.rover.core.script;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One recorded action of a block script.
 *
 * @param type      the Skyvern {@code action_type}: {@code click}, {@code input_text}, {@code select_option},
 *                  {@code checkbox}, {@code upload_file}, {@code hover}, {@code keypress}, {@code scroll},
 *                  {@code wait}, {@code goto_url}, {@code go_back}, {@code new_tab} or {@code switch_tab}
 * @param element   the element acted on, or null for a page action
 * @param value     what is typed, chosen, uploaded or opened, as a template rendered with the run's values:
 *                  {@code {{ email }}} for a parameter, {@code {{ login.password }}} for a credential, a literal only
 *                  when the definition itself holds it; null when the action takes no value
 * @param arguments the rest of the action: {@code checked}, {@code keys}, {@code direction}, {@code pixels},
 *                  {@code seconds}, {@code index}, {@code by} ({@code label} or {@code value} for a select)
 */
public record ScriptAction(String type, ElementIdentity element, String value, Map<String, Object> arguments) {

    /** The action types a script can hold. */
    public static final Set<String> TYPES = Set.of("click", "input_text", "select_option", "checkbox", "upload_file",
            "hover", "keypress", "scroll", "wait", "goto_url", "go_back", "new_tab", "switch_tab");

    public ScriptAction {
        Objects.requireNonNull(type, "type");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("a script cannot hold a '" + type + "' action; it holds " + new java.util.TreeSet<>(TYPES));
        }
        arguments = arguments == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(arguments));
    }

    /** A short description for reasons and listings: {@code click on button 'Submit'}. */
    public String describe() {
        return element == null ? type : type + " on " + element.fingerprint().describe();
    }
}
