package dev.rover;

import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.TimelineEntry;

import java.util.List;

/**
 * Hears about runs as they progress: every saved change of a run and of its timeline. The command
 * line prints progress from it; an application can stream it to a UI. Called on run threads, so
 * implementations must be quick and thread-safe; an exception they throw is logged and ignored.
 */
public interface RunListener {

    /** A run was saved (status, output, step count...). */
    default void onRun(Run run) {
    }

    /** A run's timeline changed; {@code timeline} is the whole current tree. */
    default void onTimeline(RunId runId, List<TimelineEntry> timeline) {
    }

    /** Hears nothing. */
    RunListener NONE = new RunListener() {
    };
}
