package dev.rover.blocks.types;

import dev.rover.core.exec.BlockContext;
import dev.rover.core.run.TimelineEntry;

import java.util.function.Consumer;

/**
 * Connects the agent loop's records to the run: steps go under the block's timeline entry and count in
 * the run's step count. Model usage is not added here: engines record it on the run's one usage meter.
 */
final class ContextTimeline {

    private ContextTimeline() {
    }

    /** Where the agent loop's finished steps go: under the running block's timeline entry. */
    static Consumer<TimelineEntry> stepSink(BlockContext context) {
        return context.timeline()::add;
    }

    /** Adds a block's engine steps to the run's step count. */
    static void addSteps(BlockContext context, int steps) {
        context.addSteps(steps);
    }
}
