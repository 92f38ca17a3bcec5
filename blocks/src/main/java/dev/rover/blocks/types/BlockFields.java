package dev.rover.blocks.types;

import dev.rover.core.definition.BlockDefinition;

import java.util.Locale;

/**
 * Reads numeric and boolean block fields whether they were written as YAML scalars or produced by
 * a template: a rendered {@code wait_sec: "{{ delay }}"} arrives as the text {@code "5"}, and must
 * mean the same as {@code wait_sec: 5}.
 */
final class BlockFields {

    private BlockFields() {
    }

    /** A number field; text that is a number counts; absent or blank gives the default. */
    static double number(BlockDefinition block, String name, double defaultValue) {
        Object v = block.field(name).orElse(null);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s && !s.isBlank()) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("block '" + block.label() + "': " + name + " must be a number, got '" + s + "'", e);
            }
        }
        return defaultValue;
    }

    /** An integer field; text that is a whole number counts; absent or blank gives the default. */
    static long integer(BlockDefinition block, String name, long defaultValue) {
        double v = number(block, name, defaultValue);
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException("block '" + block.label() + "': " + name + " must be a whole number, got " + v);
        }
        return (long) v;
    }

    /** A boolean field; the text {@code true}/{@code false} counts; absent or blank gives the default. */
    static boolean bool(BlockDefinition block, String name, boolean defaultValue) {
        Object v = block.field(name).orElse(null);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && !s.isBlank()) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1" -> true;
                case "false", "no", "0" -> false;
                default -> throw new IllegalArgumentException("block '" + block.label() + "': " + name
                        + " must be true or false, got '" + s + "'");
            };
        }
        return defaultValue;
    }
}
