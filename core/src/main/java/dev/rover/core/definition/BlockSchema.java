package dev.rover.core.definition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The format of one {@code block_type}: the type's own fields (beyond those every block has),
 * their kinds and which are required. It describes the file format only, not whether Rover can run it.
 *
 * @param type   the {@code block_type} name
 * @param fields the type's own fields by name, in documentation order
 */
public record BlockSchema(String type, Map<String, FieldSpec> fields) {

    /** Fields every block has, whatever its type; the loader reads them into {@link BlockDefinition}'s own components. */
    public static final Set<String> COMMON_FIELDS = Set.of("block_type", "label", "next_block_label",
            "continue_on_failure", "next_loop_on_failure", "model");

    public BlockSchema {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A schema from a list of field specs. */
    public static BlockSchema of(String type, List<FieldSpec> specs) {
        Map<String, FieldSpec> byName = new LinkedHashMap<>();
        for (FieldSpec spec : specs) {
            if (byName.put(spec.name(), spec) != null) {
                throw new IllegalArgumentException("block type '" + type + "' lists field '" + spec.name() + "' twice");
            }
        }
        return new BlockSchema(type, byName);
    }

    /** The spec of a field, if the type has it. */
    public Optional<FieldSpec> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** The names of the fields a block of this type must write. */
    public List<String> requiredFields() {
        List<String> names = new ArrayList<>();
        fields.values().stream().filter(FieldSpec::required).forEach(f -> names.add(f.name()));
        return names;
    }
}
