package dev.rover.blocks.types;

import dev.rover.core.exec.BlockContext;
import dev.rover.core.run.TimelineEntry;
import dev.rover.core.engine.Usage;

import java.util.function.Consumer;

/** Connects the agent loop's records to the run: steps go under the block's timeline entry, steps and usage onto the run. */
final class ContextTimeline {

    private ContextTimeline() {
    }

    /** Where the agent loop's finished steps go: under the running block's timeline entry. */
    static Consumer<TimelineEntry> stepSink(BlockContext context) {
        return context.timeline()::add;
    }

    /** Adds a block's engine steps and model usage to the run. */
    static void addUsage(BlockContext context, int steps, Usage usage) {
        context.addSteps(steps);
        context.addUsage(usage.calls(), usage.inputTokens(), usage.outputTokens(), usage.cost());
    }
}
