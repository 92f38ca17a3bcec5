package dev.rover.llm.offline;

import java.util.regex.Pattern;

/**
 * Compares a schema property name with a label on the page, treating "id", "#", "no." and
 * "number" as the same word, so that {@code order_id} matches "Order ID", "Order #" and "Order No.".
 */
final class FieldNames {

    private static final Pattern NUMBER_WORDS = Pattern.compile("\\b(?:id|no|num|nbr|number|#)\\b");

    private FieldNames() {
    }

    /** Canonical words of a name or label. */
    static String canonical(String text) {
        String t = text == null ? "" : text.replace("#", " number ");
        String normalized = LabelText.normalize(t);
        return NUMBER_WORDS.matcher(normalized).replaceAll("number").replaceAll("\\s+", " ").strip();
    }

    /** How well a property name matches a label; 0 for no match. */
    static double score(String propertyName, String label) {
        return LabelText.score(canonical(propertyName), canonical(label));
    }
}
