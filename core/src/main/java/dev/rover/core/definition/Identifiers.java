package dev.rover.core.definition;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The naming rules for block labels and parameter keys, shared by the loader's readers. */
final class Identifiers {

    /** Keys the template context defines itself; a parameter may not take one. */
    static final List<String> RESERVED_KEYS = List.of("current_item", "current_value", "current_index",
            "current_date", "workflow_title", "workflow_id", "workflow_permanent_id", "workflow_run_id",
            "workflow_run_outputs", "workflow_run_summary");

    private static final Set<String> RESERVED = Set.copyOf(RESERVED_KEYS);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    static final String IDENTIFIER_RULE = "use letters, digits and underscores, not starting with a digit";

    private Identifiers() {
    }

    static boolean isIdentifier(String s) {
        return IDENTIFIER.matcher(s).matches();
    }

    static boolean isReserved(String key) {
        return RESERVED.contains(key);
    }
}
