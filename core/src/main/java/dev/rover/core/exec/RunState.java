package dev.rover.core.exec;

import dev.rover.core.run.Run;
import dev.rover.core.run.RunError;
import dev.rover.core.run.RunStatus;
import dev.rover.core.store.RunStore;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The current {@link Run} of one execution. Every change makes a new value and saves it in the
 * {@link RunStore} at once, under one lock, so the store never sees changes out of order.
 */
final class RunState {

    private final RunStore store;
    private final Clock clock;
    private final Map<String, Object> outputs = new LinkedHashMap<>();
    private Run run;

    RunState(RunStore store, Clock clock, Run initial) {
        this.store = store;
        this.clock = clock;
        this.run = initial;
        store.save(initial);
    }

    synchronized Run current() {
        return run;
    }

    /** Moves to a non-terminal status. */
    synchronized void moveTo(RunStatus status) {
        save(run.withStatus(status, clock.instant()));
    }

    /**
     * Ends the run unless it already ended.
     *
     * @return false when the run was already terminal
     */
    synchronized boolean finish(RunStatus status, String failureReason) {
        if (run.status().isTerminal()) {
            return false;
        }
        Run next = run.withStatus(status, clock.instant());
        save(next.toBuilder().failureReason(failureReason).build());
        return true;
    }

    synchronized void recordOutput(String outputKey, Object output) {
        outputs.put(outputKey, output);
        save(run.toBuilder().output(Collections.unmodifiableMap(new LinkedHashMap<>(outputs))).build());
    }

    synchronized void addErrors(List<RunError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        List<RunError> all = new ArrayList<>(run.errors());
        all.addAll(errors);
        save(run.toBuilder().errors(all).build());
    }

    synchronized void addSteps(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must not be negative, not " + steps);
        }
        save(run.toBuilder().stepCount(run.stepCount() + steps).build());
    }

    synchronized void addUsage(int llmCalls, long inputTokens, long outputTokens, BigDecimal cost) {
        save(run.toBuilder().usage(run.usage().plus(llmCalls, inputTokens, outputTokens, cost)).build());
    }

    private void save(Run next) {
        store.save(next);
        run = next;
    }
}
