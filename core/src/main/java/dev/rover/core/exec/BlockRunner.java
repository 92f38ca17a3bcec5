package dev.rover.core.exec;

import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.definition.Parameter;
import dev.rover.core.run.RunError;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.TimelineEntry;
import dev.rover.core.template.TemplateException;
import dev.rover.core.template.TemplateValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one block of a run: renders it, finds its type, executes it with a context, turns an
 * escaping exception into a failed result, records the timeline entry, stores the output and
 * recomputes context parameters. Also runs the nested blocks of loops.
 */
final class BlockRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BlockRunner.class);

    private final RunEnvironment env;

    BlockRunner(RunEnvironment env) {
        this.env = env;
    }

    /**
     * Runs a block.
     *
     * @param parent the timeline entry to nest under, or null for a top-level block
     */
    BlockResult run(BlockDefinition block, ValueScope scope, TimelineLog.Node parent) {
        TimelineLog.Node node = parent == null
                ? env.timeline().startBlock(block.label())
                : parent.start(TimelineEntry.Type.BLOCK, block.label());
        BlockResult result = execute(block, scope, node);
        node.finish(result.status().wireName(), result.output(), result.failureReason());
        TemplateValues.blockOutput(block.label(), result.output()).forEach(scope::putRunWide);
        if (parent == null) {
            env.state().recordOutput(block.outputKey(), result.output());
        }
        if (result.status() == BlockStatus.TERMINATED) {
            env.state().addErrors(result.errorCodes().stream()
                    .map(code -> new RunError(code, result.failureReason(), block.label())).toList());
        }
        updateContextParameters(scope);
        return result;
    }

    private BlockResult execute(BlockDefinition block, ValueScope scope, TimelineLog.Node node) {
        Optional<BlockType> type = env.registry().find(block.blockType());
        if (type.isEmpty()) {
            return BlockResult.failed("block '" + block.label() + "' has type '" + block.blockType()
                    + "', which Rover does not implement; supported: " + env.registry().supported());
        }
        BlockDefinition rendered;
        try {
            rendered = env.blockRenderer().render(block, scope.snapshot(), () -> env.control().stopRequested().isPresent());
        } catch (TemplateException e) {
            return BlockResult.failed(e.getMessage());
        }
        try {
            BlockResult result = type.get().execute(rendered, new RunBlockContext(env, this, scope, node));
            return result != null ? result
                    : BlockResult.failed("block type '" + block.blockType() + "' returned no result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.info("block '{}' of run {} was interrupted", block.label(), env.runId());
            return BlockResult.canceled();
        } catch (Exception e) {
            String message = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : e.getClass().getSimpleName();
            LOG.warn("block '{}' of run {} threw {}: {}", block.label(), env.runId(), e.getClass().getName(), message);
            LOG.debug("stack trace of the failure of block '{}'", block.label(), e);
            return BlockResult.failed(message);
        }
    }

    /** See {@link RunBlockContext#runNested}. */
    BlockResult runNested(List<BlockDefinition> blocks, Map<String, Object> extraValues, ValueScope parentScope,
                          TimelineLog.Node parentNode) {
        ValueScope scope = parentScope.child(extraValues);
        updateContextParameters(scope);
        BlockResult last = BlockResult.completed(null);
        for (BlockDefinition block : blocks) {
            Optional<RunStatus> stop = env.control().stopRequested();
            if (stop.isPresent()) {
                return stop.get() == RunStatus.TIMED_OUT
                        ? BlockResult.timedOut(env.control().reason(RunStatus.TIMED_OUT)) : BlockResult.canceled();
            }
            BlockResult result = run(block, scope, parentNode);
            if (result.status() == BlockStatus.COMPLETED) {
                last = result;
            } else if (result.status() == BlockStatus.CANCELED) {
                return result;
            } else if (block.continueOnFailure()) {
                last = nonFatal(result, FailureReasons.of(block.label(), result) + " (continue_on_failure)");
            } else if (block.nextLoopOnFailure()) {
                return nonFatal(result, FailureReasons.of(block.label(), result) + " (next_loop_on_failure: skipping to the next item)");
            } else {
                return new BlockResult(result.status(), result.output(), FailureReasons.of(block.label(), result),
                        result.errorCodes(), null);
            }
        }
        return last;
    }

    private static BlockResult nonFatal(BlockResult failed, String reason) {
        return new BlockResult(BlockStatus.COMPLETED, failed.output(), reason, failed.errorCodes(), null);
    }

    /** Sets every context parameter whose source is visible: the source map's entry of that key, or the whole source. */
    void updateContextParameters(ValueScope scope) {
        for (Parameter parameter : env.workflow().parameters()) {
            if (parameter instanceof Parameter.ContextParameter context && scope.contains(context.sourceParameterKey())) {
                Object source = scope.get(context.sourceParameterKey());
                Object value = source instanceof Map<?, ?> map && map.containsKey(context.key())
                        ? map.get(context.key()) : source;
                scope.putHere(context.key(), value);
            }
        }
    }
}
