package dev.rover.core.exec;

import dev.rover.core.run.CancellationToken;
import dev.rover.core.run.HumanDecision;
import dev.rover.core.error.RoverStateException;

import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.definition.Workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a running block may see and use: the run's values for templating, cancellation, the
 * run's deadline, the services the embedding layer provides (browser, engines, secrets) and a way to
 * run nested blocks (loops).
 */
public interface BlockContext {

    /** The run's id ({@code wr_...} or {@code tsk_...}). */
    String runId();

    /** The workflow being run. */
    Workflow workflow();

    /** The values templates see: parameters, {@code <label>_output}s, {@code <label>}s, loop variables. */
    Map<String, Object> values();

    /** Renders a template with {@link #values()} under the run's templating mode. */
    String render(String template);

    /** Cancellation for this run. */
    CancellationToken cancellation();

    /** When the run's elapsed-time limit expires. */
    Instant deadline();

    /** The run's browser, engines, secrets, artifact sink and settings. */
    RunServices services();

    /**
     * Runs nested blocks in order with extra values visible to them (loop variables), honouring
     * their {@code continue_on_failure}; returns how the last one ended, or the first fatal failure.
     */
    BlockResult runNested(List<BlockDefinition> blocks, Map<String, Object> extraValues);

    /**
     * The timeline entry of the running block, under which it records its steps, actions and
     * thoughts. Contexts that keep no timeline return a recorder that discards everything.
     */
    default TimelineRecorder timeline() {
        return TimelineRecorder.discarding();
    }

    /**
     * Pauses the run ({@code paused}) with {@code awaiting} stored as the block's output so that readers see
     * what is awaited, and waits for a person's decision given through the run store
     * ({@link dev.rover.core.store.RunStore#requestResume}), a cancel, or {@code until}. The run is back in
     * {@code running} when this returns, unless it was canceled.
     *
     * @return the decision, or empty when {@code until} passed or the run was canceled (see {@link #cancellation()})
     */
    default Optional<HumanDecision> awaitHuman(String outputKey, Map<String, Object> awaiting, Instant until)
            throws InterruptedException {
        throw new RoverStateException("this block context keeps no run that could be paused for a person");
    }

    /** Adds engine steps to the run's {@code step_count}. Contexts that record no run ignore it. */
    default void addSteps(int steps) {
    }

}
