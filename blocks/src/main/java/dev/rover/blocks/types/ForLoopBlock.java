package dev.rover.blocks.types;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockStatus;
import dev.rover.core.exec.BlockType;
import dev.rover.core.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code for_loop}: runs {@code loop_blocks} once per item of {@code loop_variable_reference} (a
 * template that renders to a JSON list, or a parameter key) or of the legacy
 * {@code loop_over_parameter_key}. Each iteration sees {@code current_value}, {@code current_item}
 * and {@code current_index}. With {@code next_loop_on_failure} a failed iteration moves on to the
 * next item; otherwise it ends the loop with that failure. The output is the list of iteration outputs.
 */
public final class ForLoopBlock implements BlockType {

    @Override
    public String type() {
        return "for_loop";
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) {
        List<?> items;
        try {
            items = items(block, context);
        } catch (IllegalArgumentException e) {
            return BlockResult.failed(e.getMessage());
        }
        if (items.isEmpty()) {
            return BlockFields.bool(block, "complete_if_empty", false) ? BlockResult.completed(List.of())
                    : BlockResult.failed("for_loop '" + block.label() + "' has nothing to loop over (set complete_if_empty: true to allow that)");
        }
        boolean nextOnFailure = BlockFields.bool(block, "next_loop_on_failure", false);
        List<Object> outputs = new ArrayList<>();
        BlockResult failure = null;
        for (int i = 0; i < items.size(); i++) {
            if (context.cancellation().isCanceled()) {
                return BlockResult.canceled();
            }
            Object item = items.get(i);
            Map<String, Object> loopValues = new java.util.HashMap<>();
            loopValues.put("current_value", item);
            loopValues.put("current_item", item);
            loopValues.put("current_index", i);
            BlockResult r = context.runNested(block.loopBlocks(), loopValues);
            outputs.add(r.output());
            if (r.status() == BlockStatus.CANCELED || r.status() == BlockStatus.TIMED_OUT) {
                return r;
            }
            if (r.status() != BlockStatus.COMPLETED) {
                failure = r;
                if (!nextOnFailure) {
                    break;
                }
            }
        }
        if (failure != null && !nextOnFailure) {
            return new BlockResult(failure.status(), outputs, "iteration " + outputs.size() + " of for_loop '"
                    + block.label() + "' failed: " + failure.failureReason(), failure.errorCodes(), null);
        }
        return BlockResult.completed(outputs);
    }

    private static List<?> items(BlockDefinition block, BlockContext context) {
        String key = block.string("loop_over_parameter_key").filter(s -> !s.isBlank()).orElse(null);
        if (key != null) {
            return asList(context.values().get(key), "loop_over_parameter_key '" + key + "'", block);
        }
        String reference = block.string("loop_variable_reference").map(String::trim).orElse("");
        if (reference.isEmpty()) {
            throw new IllegalArgumentException("for_loop '" + block.label() + "' needs loop_variable_reference or loop_over_parameter_key");
        }
        if (context.values().containsKey(reference)) {
            return asList(context.values().get(reference), "loop_variable_reference '" + reference + "'", block);
        }
        try {
            return asList(Json.mapper().readValue(reference, Object.class), "loop_variable_reference", block);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("for_loop '" + block.label() + "': loop_variable_reference rendered to '"
                    + abbreviate(reference) + "', which is neither a list nor a parameter key");
        }
    }

    private static List<?> asList(Object value, String what, BlockDefinition block) {
        if (value == null || "".equals(value)) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        if (value instanceof String s) {
            try {
                return asList(Json.mapper().readValue(s, Object.class), what, block);
            } catch (JsonProcessingException e) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException("for_loop '" + block.label() + "': " + what + " is a "
                + value.getClass().getSimpleName() + ", not a list: " + abbreviate(String.valueOf(value)));
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
