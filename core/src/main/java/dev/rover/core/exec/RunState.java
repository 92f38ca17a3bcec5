package dev.rover.core.exec;

import dev.rover.core.run.Run;
import dev.rover.core.run.RunError;
import dev.rover.core.engine.Usage;
import dev.rover.core.engine.UsageMeter;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.RunUsage;
import dev.rover.core.store.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The current {@link Run} of one execution. Every change makes a new value and saves it in the
 * {@link RunStore} at once, under one lock, so the store never sees changes out of order. A terminal
 * status is stored only together with the completed record (artifacts, redacted output, report), so a
 * reader never sees a terminal run whose record is still being completed, and a crash before that
 * leaves an active run to recover.
 */
final class RunState {

    private static final Logger LOG = LoggerFactory.getLogger(RunState.class);

    private final RunStore store;
    private final Clock clock;
    private final Map<String, Object> outputs = new LinkedHashMap<>();
    private final UnaryOperator<Run> completion;
    private final UsageMeter meter;
    private Run run;

    /**
     * @param completion completes the record of a run that is ending (it has its terminal status already)
     *                   before it is stored
     */
    RunState(RunStore store, Clock clock, Run initial, UnaryOperator<Run> completion, UsageMeter meter) {
        this.store = store;
        this.clock = clock;
        this.run = initial;
        this.completion = completion;
        this.meter = meter;
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
     * Ends the run unless it already ended: completes its record, then stores it terminal.
     *
     * @return false when the run was already terminal
     */
    synchronized boolean finish(RunStatus status, String failureReason) {
        if (run.status().isTerminal()) {
            return false;
        }
        Run ending = run.withStatus(status, clock.instant()).toBuilder().failureReason(failureReason).build();
        Run completed;
        try {
            completed = completion.apply(ending);
        } catch (RuntimeException e) {
            LOG.warn("run {}: its record could not be completed, storing it as it ended: {}", run.runId(), e.toString());
            completed = ending;
        }
        save(completed.status() == status ? completed : ending);
        return true;
    }

    /** Enters {@code paused} with what is awaited recorded as the block's output, in one save. */
    synchronized void pause(String outputKey, Object awaiting) {
        outputs.put(outputKey, awaiting);
        save(run.withStatus(RunStatus.PAUSED, clock.instant()).toBuilder()
                .output(Collections.unmodifiableMap(new LinkedHashMap<>(outputs))).build());
    }

    /** Back to {@code running} after a pause, unless the run left {@code paused} some other way. */
    synchronized void unpause() {
        if (run.status() == RunStatus.PAUSED) {
            save(run.withStatus(RunStatus.RUNNING, clock.instant()));
        }
    }

    /** The outputs of a paused run this state continues, so later outputs are added to them (nothing is saved). */
    synchronized void restoreOutputs(Map<String, Object> earlier) {
        outputs.putAll(earlier);
    }

    synchronized RunStore store() {
        return store;
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

    /** Saves the run with the usage its meter has counted so far: the run's usage has one source. */
    private void save(Run next) {
        Usage used = meter.runUsage();
        Run withUsage = next.toBuilder().usage(new RunUsage(used.calls(), used.inputTokens(), used.outputTokens(), used.cost())).build();
        store.save(withUsage);
        run = withUsage;
    }
}
