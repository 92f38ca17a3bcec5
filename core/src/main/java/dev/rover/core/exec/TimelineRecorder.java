package dev.rover.core.exec;

import dev.rover.core.run.TimelineEntry;

/**
 * Writes one node of a run's timeline while it happens: a block appends its steps under its own
 * entry, a step its actions and thoughts. Every change is persisted at once, so a person watching
 * a run (or reading it after a crash) sees how far it got.
 */
public interface TimelineRecorder {

    /** Starts a running child entry (for example {@code STEP "step 1"}) and returns its recorder. */
    TimelineRecorder start(TimelineEntry.Type type, String label);

    /** Appends a child entry that is already complete (an action with its result, a thought). */
    void add(TimelineEntry entry);

    /** Appends a finished {@code THOUGHT} child holding the engine's reasoning. */
    void thought(String reasoning);

    /** Sets the reasoning of this entry (the engine's reasoning for a step or an action). */
    void reasoning(String reasoning);

    /** Links an artifact (a screenshot, a prompt) to this entry. */
    void artifact(String artifactId);

    /**
     * Ends this entry. A block's own entry is ended by the executor with the block's result; a block
     * ends the steps and actions it started.
     */
    void finish(String status, Object output, String failureReason);

    /** A recorder that keeps nothing, for contexts without a run (unit tests of a block, previews). */
    static TimelineRecorder discarding() {
        return DiscardingTimelineRecorder.INSTANCE;
    }
}
