package dev.rover.blocks.types;

import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockStatus;
import dev.rover.core.exec.BlockType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code while_loop}: runs {@code loop_blocks} while its {@code condition} holds, checked before each
 * iteration with the conditional block's criteria forms (a {@code jinja2_template} rendered afresh each
 * time, or a {@code prompt} verified on the page). Reaching {@code max_iterations} with the condition still
 * true fails the block, so a condition that never turns false cannot run forever. Each iteration sees
 * {@code current_index}; the output is the list of iteration outputs.
 */
public final class WhileLoopBlock implements BlockType {

    /** Iterations allowed when the block sets no {@code max_iterations}. */
    static final long DEFAULT_MAX_ITERATIONS = 100;

    @Override
    public String type() {
        return "while_loop";
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) {
        Map<?, ?> condition = rawCondition(block, context);
        if (condition.isEmpty()) {
            return BlockResult.failed("while_loop '" + block.label() + "' has no condition (criteria_type and expression)");
        }
        long max = BlockFields.integer(block, "max_iterations", DEFAULT_MAX_ITERATIONS);
        boolean nextOnFailure = BlockFields.bool(block, "next_loop_on_failure", false) || block.nextLoopOnFailure();
        List<Object> outputs = new ArrayList<>();
        for (int i = 0; ; i++) {
            if (context.cancellation().isCanceled()) {
                return BlockResult.canceled();
            }
            if (!ConditionalBlock.holds(block, rendered(condition, context), context)) {
                return BlockResult.completed(outputs);
            }
            if (i >= max) {
                return BlockResult.failed("while_loop '" + block.label() + "' reached max_iterations (" + max
                        + ") with its condition still true: " + condition.get("expression")).withOutput(outputs);
            }
            BlockResult r = context.runNested(block.loopBlocks(), Map.of("current_index", i));
            outputs.add(r.output());
            if (r.status() == BlockStatus.CANCELED || r.status() == BlockStatus.TIMED_OUT) {
                return r;
            }
            if (r.status() != BlockStatus.COMPLETED && !nextOnFailure) {
                return new BlockResult(r.status(), outputs, "iteration " + (i + 1) + " of while_loop '" + block.label()
                        + "' failed: " + r.failureReason(), r.errorCodes(), null);
            }
        }
    }

    /**
     * The condition as written: the executor renders a block's fields once before it runs, but a loop's
     * condition must be rendered again before every iteration, so it is read from the workflow definition.
     */
    private static Map<?, ?> rawCondition(BlockDefinition block, BlockContext context) {
        Object raw = context.workflow().allBlocks().stream().filter(b -> b.label().equals(block.label())).findFirst()
                .map(b -> b.fields().get("condition")).orElse(block.fields().get("condition"));
        return raw instanceof Map<?, ?> m ? m : Map.of();
    }

    private static Map<?, ?> rendered(Map<?, ?> condition, BlockContext context) {
        Map<Object, Object> copy = new LinkedHashMap<>(condition);
        Object expression = condition.get("expression");
        copy.put("expression", expression == null ? "" : context.render(String.valueOf(expression)));
        return copy;
    }
}
