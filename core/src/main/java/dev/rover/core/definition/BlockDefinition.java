package dev.rover.core.definition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One block of a workflow as written in the file: the fields every block has, the type's own
 * fields (as plain values: String, Long/Double, Boolean, List, Map, null), nested blocks of a
 * loop, and where each field was written so later errors can point at it.
 *
 * @param blockType         the Skyvern {@code block_type}
 * @param label             unique, identifier-shaped label
 * @param nextBlockLabel    version 2 successor, null = end (or sequential order in version 1)
 * @param continueOnFailure a failed, terminated or timed-out block does not end the run
 * @param nextLoopOnFailure inside a loop: a failure moves to the next item
 * @param model             optional model override, as written
 * @param fields            the type's own fields, in file order
 * @param loopBlocks        nested blocks ({@code loop_blocks}) of a loop block, empty otherwise
 * @param position          where the block starts
 * @param fieldPositions    where each field's value starts
 */
public record BlockDefinition(
        String blockType,
        String label,
        String nextBlockLabel,
        boolean continueOnFailure,
        boolean nextLoopOnFailure,
        Map<String, Object> model,
        Map<String, Object> fields,
        List<BlockDefinition> loopBlocks,
        SourcePosition position,
        Map<String, SourcePosition> fieldPositions) {

    public BlockDefinition {
        model = model == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(model));
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        loopBlocks = loopBlocks == null ? List.of() : List.copyOf(loopBlocks);
        position = position == null ? SourcePosition.UNKNOWN : position;
        fieldPositions = fieldPositions == null ? Map.of() : Map.copyOf(fieldPositions);
    }

    /** The raw value of one of the type's own fields. */
    public Optional<Object> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** A string field; numbers and booleans are turned into their text; absent or null is empty. */
    public Optional<String> string(String name) {
        Object v = fields.get(name);
        return v == null ? Optional.empty() : Optional.of(String.valueOf(v));
    }

    /** An integer field, or the default when absent. */
    public long integer(String name, long defaultValue) {
        Object v = fields.get(name);
        return v instanceof Number n ? n.longValue() : defaultValue;
    }

    /** A number field, or the default when absent. */
    public double number(String name, double defaultValue) {
        Object v = fields.get(name);
        return v instanceof Number n ? n.doubleValue() : defaultValue;
    }

    /** A boolean field, or the default when absent. */
    public boolean bool(String name, boolean defaultValue) {
        Object v = fields.get(name);
        return v instanceof Boolean b ? b : defaultValue;
    }

    /** A map field (for example {@code error_code_mapping}), or empty. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String name) {
        Object v = fields.get(name);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** A list field (for example {@code parameter_keys}), or empty. */
    @SuppressWarnings("unchecked")
    public List<Object> list(String name) {
        Object v = fields.get(name);
        return v instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** Where a field was written, or where the block starts. */
    public SourcePosition positionOf(String fieldName) {
        return fieldPositions.getOrDefault(fieldName, position);
    }

    /** The name of the output value this block stores: {@code <label>_output}. */
    public String outputKey() {
        return label + "_output";
    }

    /** A copy with other own fields (the executor renders templates into a copy). */
    public BlockDefinition withFields(Map<String, Object> newFields) {
        return new BlockDefinition(blockType, label, nextBlockLabel, continueOnFailure, nextLoopOnFailure, model,
                newFields, loopBlocks, position, fieldPositions);
    }

    /** The model this asks for ({@code model: {model_name: X}} or {@code model: X}), or null for the engine's configured one. */
    public String modelName() {
        return model == null || !(model.get(MappingView.MODEL_NAME) instanceof String name) || name.isBlank() ? null : name;
    }
}
