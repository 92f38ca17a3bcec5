package dev.rover.core.exec;

import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.definition.Workflow;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.TimelineEntry;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run paused in a top-level {@code human_interaction} block whose process stopped, picked up again by another
 * process after a person approved it: the coordinator adopts the stored run (its id, outputs and timeline) and walks
 * on from the block after {@code pausedLabel} instead of starting a new run.
 *
 * @param run         the stored run, with the paused block's output already replaced by the decision
 * @param timeline    the timeline written so far, the paused block's entry closed
 * @param pausedLabel the label of the top-level block the run waited in
 * @param endStatus   when not null, the run ends so at once (a person rejected it: {@code terminated}; it waited past
 *                    its timeout: {@code timed_out}) instead of walking on; the finally block runs as usual
 * @param endReason   why it ends so, when {@code endStatus} is set
 */
public record RunContinuation(Run run, List<TimelineEntry> timeline, String pausedLabel, RunStatus endStatus,
                              String endReason) {

    public RunContinuation {
        Objects.requireNonNull(run, "run");
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        Objects.requireNonNull(pausedLabel, "pausedLabel");
        if (endStatus != null && !endStatus.isTerminal()) {
            throw new IllegalArgumentException("a continued run can only end in a terminal status, not " + endStatus);
        }
    }

    /** The outputs the run's blocks produced before it paused (and the decision), by output key. */
    @SuppressWarnings("unchecked")
    Map<String, Object> outputs() {
        return run.output() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /**
     * The block the paused one sits on.
     *
     * @throws IllegalArgumentException when it is not a top-level block of the workflow (a pause inside a loop
     *                                  cannot be continued by another process)
     */
    BlockDefinition pausedBlock(Workflow workflow) {
        return workflow.blocks().stream().filter(b -> b.label().equals(pausedLabel)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("run " + run.runId() + " paused in block '" + pausedLabel
                        + "', which is not a top-level block of workflow '" + workflow.title()
                        + "'; only a run paused in a top-level human_interaction block can continue in another process"));
    }
}
