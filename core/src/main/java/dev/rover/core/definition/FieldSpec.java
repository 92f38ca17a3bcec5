package dev.rover.core.definition;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One field of a block type's format: its name, the kinds of value it accepts and whether a block
 * of that type must write it.
 *
 * @param name     the field name as written in files
 * @param kinds    accepted value kinds (a null value always counts as "not written")
 * @param required whether the loader reports a block that omits it
 */
public record FieldSpec(String name, Set<ValueKind> kinds, boolean required) {

    public FieldSpec {
        Objects.requireNonNull(name, "name");
        if (kinds == null || kinds.isEmpty()) {
            throw new IllegalArgumentException("field '" + name + "' must accept at least one value kind");
        }
        kinds = Set.copyOf(EnumSet.copyOf(kinds));
    }

    /** An optional field accepting the given kinds. */
    public static FieldSpec optional(String name, ValueKind first, ValueKind... more) {
        return new FieldSpec(name, EnumSet.of(first, more), false);
    }

    /** A required field accepting the given kinds. */
    public static FieldSpec required(String name, ValueKind first, ValueKind... more) {
        return new FieldSpec(name, EnumSet.of(first, more), true);
    }

    /** The accepted kinds in a stable order, for messages. */
    public Set<ValueKind> orderedKinds() {
        return EnumSet.copyOf(kinds);
    }
}
