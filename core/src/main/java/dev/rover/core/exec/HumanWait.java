package dev.rover.core.exec;

import dev.rover.core.run.CancellationToken;
import dev.rover.core.run.HumanDecision;
import dev.rover.core.run.RunId;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One pause of a run for a person: enters {@code paused}, polls the run store for the decision (which
 * any process sharing the store may record), and returns to {@code running} when it comes. Polling the
 * store rather than waiting on memory is what lets {@code rover runs resume} from another process work.
 */
final class HumanWait {

    /** How often the store is asked for a decision. */
    static final Duration POLL = Duration.ofMillis(200);

    private final RunState state;
    private final RunId runId;
    private final CancellationToken token;

    HumanWait(RunState state, RunId runId, CancellationToken token) {
        this.state = state;
        this.runId = runId;
        this.token = token;
    }

    Optional<HumanDecision> await(String outputKey, Map<String, Object> awaiting, Instant until)
            throws InterruptedException {
        state.store().takeResume(runId); // a decision left from an earlier pause does not answer this one
        state.pause(outputKey, Map.copyOf(awaiting));
        boolean decided = false;
        try {
            while (true) {
                Optional<HumanDecision> decision = state.store().takeResume(runId);
                if (decision.isPresent()) {
                    decided = true;
                    return decision;
                }
                Duration left = Duration.between(Instant.now(), until);
                if (left.isNegative() || left.isZero()) {
                    return Optional.empty();
                }
                if (token.sleep(left.compareTo(POLL) < 0 ? left : POLL)) {
                    return Optional.empty();
                }
            }
        } finally {
            if (decided || !token.isCanceled()) {
                state.unpause();
            }
        }
    }
}
