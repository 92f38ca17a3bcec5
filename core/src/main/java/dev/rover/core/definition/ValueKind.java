package dev.rover.core.definition;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The shapes a definition field may take, as named in error messages ("expected integer, found
 * string"). {@link #NUMBER} also accepts integers.
 */
public enum ValueKind {
    STRING("string"), INTEGER("integer"), NUMBER("number"), BOOLEAN("boolean"), MAP("map"), LIST("list");

    private final String displayName;

    ValueKind(String displayName) {
        this.displayName = displayName;
    }

    /** The name used in messages and documentation. */
    public String displayName() {
        return displayName;
    }

    /** Whether a value of kind {@code actual} is acceptable where this kind is expected. */
    public boolean accepts(ValueKind actual) {
        return this == actual || (this == NUMBER && actual == INTEGER);
    }

    /** "string", "map or list", "map, list or string". */
    public static String describe(Collection<ValueKind> kinds) {
        var names = kinds.stream().map(ValueKind::displayName).collect(Collectors.toList());
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
