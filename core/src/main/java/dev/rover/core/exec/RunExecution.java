package dev.rover.core.exec;

import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.definition.Workflow;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of a workflow from queued to terminal: walks the blocks (in order for version 1, along
 * {@code next_block_label} for version 2), runs the finally block, watches the deadline, and
 * always leaves the run in a terminal status.
 *
 * <p>The finally block runs after success and after failure or termination, not after a cancel or
 * a time-out: the user asked the run to stop, or it has no time left.
 */
final class RunExecution {

    private static final Logger LOG = LoggerFactory.getLogger(RunExecution.class);

    private enum Phase { QUEUED, RUNNING, DONE }

    /** How the run ends: its terminal status and, unless completed, why. */
    private record Outcome(RunStatus status, String reason) {
        static final Outcome COMPLETED = new Outcome(RunStatus.COMPLETED, null);
    }

    private final RunEnvironment env;
    private final BlockRunner runner;
    private final ValueScope values;
    private final ScheduledExecutorService watchdog;
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.QUEUED);
    private final CompletableFuture<Run> result = new CompletableFuture<>();

    RunExecution(RunEnvironment env, Map<String, Object> initialValues, ScheduledExecutorService watchdog) {
        this.env = env;
        this.runner = new BlockRunner(env);
        this.values = ValueScope.root(initialValues);
        this.watchdog = watchdog;
    }

    CompletableFuture<Run> result() {
        return result;
    }

    /** The run as it stands. */
    Run current() {
        return env.state().current();
    }

    /** Cancels the run; a run that has not started ends {@code canceled} at once. */
    void cancel() {
        try {
            env.resources().onCancel();
        } finally {
            env.control().cancel();
        }
        if (phase.compareAndSet(Phase.QUEUED, Phase.DONE)) {
            try {
                env.state().finish(RunStatus.CANCELED, "the run was canceled before it started");
                LOG.info("run {} canceled while queued", env.runId());
            } finally {
                conclude();
            }
        }
    }

    /** Fails a run that could not be scheduled. */
    void reject(String reason) {
        if (phase.compareAndSet(Phase.QUEUED, Phase.DONE)) {
            try {
                env.state().finish(RunStatus.FAILED, reason);
            } finally {
                conclude();
            }
        }
    }

    /**
     * The last steps once the run is stored terminal (or could not be): what follows a terminal record
     * (the webhook), then the run's resources released, then the result handed out.
     */
    private void conclude() {
        Run run = env.state().current();
        try {
            if (run.status().isTerminal()) {
                run = env.afterTerminal().apply(run);
            }
        } catch (RuntimeException e) {
            LOG.warn("run {}: what follows its terminal record failed: {}", env.runId(), e.toString());
        } finally {
            try {
                env.resources().close();
            } catch (RuntimeException e) {
                LOG.warn("run {}: releasing its resources failed: {}", env.runId(), e.toString());
            }
            result.complete(run);
        }
    }

    /** Runs to a terminal status on the calling thread; does nothing when canceled while queued. */
    void execute() {
        if (!phase.compareAndSet(Phase.QUEUED, Phase.RUNNING)) {
            return;
        }
        ScheduledFuture<?> timer = null;
        try {
            env.control().started();
            env.state().moveTo(RunStatus.RUNNING);
            LOG.info("run {} of workflow '{}' started", env.runId(), env.workflow().title());
            timer = watchdog.schedule(env.control()::timeOut, env.control().limit().toNanos(), TimeUnit.NANOSECONDS);
            runner.updateContextParameters(values);
            Outcome outcome = withFinally(walk());
            env.state().finish(outcome.status(), outcome.reason());
            LOG.info("run {} ended {}{}", env.runId(), outcome.status().wireName(),
                    outcome.reason() == null ? "" : ": " + outcome.reason());
        } catch (RuntimeException | Error e) {
            LOG.error("run {} failed inside Rover's executor", env.runId(), e);
            try {
                env.state().finish(RunStatus.FAILED, "Rover's executor failed unexpectedly: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            } catch (RuntimeException saveFailure) {
                LOG.error("run {} could not be saved as failed", env.runId(), saveFailure);
            }
        } finally {
            if (timer != null) {
                timer.cancel(false);
            }
            phase.set(Phase.DONE);
            conclude();
        }
    }

    private Outcome walk() {
        Workflow workflow = env.workflow();
        List<BlockDefinition> main = workflow.blocks().stream()
                .filter(b -> !b.label().equals(workflow.finallyBlockLabel())).toList();
        RunContinuation continuation = env.options().continuation();
        if (continuation != null && continuation.endStatus() != null) {
            return new Outcome(continuation.endStatus(), continuation.endReason());
        }
        if (workflow.version() >= 2) {
            return walkGraph(main, continuation == null ? null : continuation.pausedBlock(workflow));
        }
        if (continuation != null) {
            // a version 1 run goes on with the block after the one it paused in
            int paused = main.indexOf(continuation.pausedBlock(workflow));
            main = main.subList(paused + 1, main.size());
        }
        for (BlockDefinition block : main) {
            StepOutcome step = step(block);
            if (step.fatal() != null) {
                return step.fatal();
            }
        }
        return Outcome.COMPLETED;
    }

    /** Walks along the labels from the first block, or from the one after {@code pausedIn} for a continued run. */
    private Outcome walkGraph(List<BlockDefinition> main, BlockDefinition pausedIn) {
        Map<String, BlockDefinition> byLabel = new LinkedHashMap<>();
        env.workflow().blocks().forEach(b -> byLabel.put(b.label(), b));
        List<String> path = new ArrayList<>();
        String current = pausedIn != null ? pausedIn.nextBlockLabel() : main.isEmpty() ? null : main.get(0).label();
        String previous = pausedIn != null ? pausedIn.label() : null;
        int budget = env.options().stepBudget();
        while (current != null && !current.equals(env.workflow().finallyBlockLabel())) {
            BlockDefinition block = byLabel.get(current);
            if (block == null) {
                return new Outcome(RunStatus.FAILED, "block '" + previous + "' leads to block '" + current
                        + "', which is not a block of this workflow; blocks: " + byLabel.keySet());
            }
            if (path.size() >= budget) {
                return new Outcome(RunStatus.FAILED, cycleReason(path, current, budget));
            }
            path.add(current);
            StepOutcome step = step(block);
            if (step.fatal() != null) {
                return step.fatal();
            }
            previous = current;
            String chosen = step.result().nextBlockLabel();
            current = chosen == null ? block.nextBlockLabel() : chosen.equals(BlockResult.END_OF_WORKFLOW) ? null : chosen;
        }
        return Outcome.COMPLETED;
    }

    private static String cycleReason(List<String> path, String next, int budget) {
        int from = path.lastIndexOf(next);
        String reason = "the run reached its budget of " + budget + " block executions";
        if (from < 0) {
            return reason;
        }
        List<String> cycle = new ArrayList<>(path.subList(from, path.size()));
        cycle.add(next);
        return reason + "; it keeps cycling through blocks " + String.join(" -> ", cycle);
    }

    /** The result of one top-level block, and the outcome that ends the run when it was fatal. */
    private record StepOutcome(BlockResult result, Outcome fatal) {
    }

    private StepOutcome step(BlockDefinition block) {
        Optional<Outcome> stop = stopOutcome();
        if (stop.isPresent()) {
            return new StepOutcome(null, stop.get());
        }
        BlockResult result = runner.run(block, values, null);
        stop = stopOutcome();
        if (stop.isPresent()) {
            return new StepOutcome(result, stop.get());
        }
        if (result.status() == BlockStatus.COMPLETED) {
            return new StepOutcome(result, null);
        }
        if (result.status() != BlockStatus.CANCELED && block.continueOnFailure()) {
            LOG.info("run {}: block '{}' ended {} but continue_on_failure is set: {}", env.runId(), block.label(),
                    result.status().wireName(), result.failureReason());
            return new StepOutcome(result, null);
        }
        return new StepOutcome(result, new Outcome(runStatus(result.status()), FailureReasons.of(block.label(), result)));
    }

    private Optional<Outcome> stopOutcome() {
        return env.control().stopRequested().map(s -> new Outcome(s, env.control().reason(s)));
    }

    private Outcome withFinally(Outcome main) {
        String label = env.workflow().finallyBlockLabel();
        if (label == null || main.status() == RunStatus.CANCELED || main.status() == RunStatus.TIMED_OUT) {
            return main;
        }
        Optional<BlockDefinition> block = env.workflow().block(label);
        if (block.isEmpty()) {
            String reason = "finally_block_label '" + label + "' is not a block of this workflow";
            return main.status() == RunStatus.COMPLETED ? new Outcome(RunStatus.FAILED, reason) : main;
        }
        StepOutcome step = step(block.get());
        if (main.status() != RunStatus.COMPLETED) {
            if (step.fatal() != null) {
                LOG.warn("run {}: finally block '{}' also ended badly: {}", env.runId(), label, step.fatal().reason());
            }
            return main;
        }
        return step.fatal() == null ? main : step.fatal();
    }

    private static RunStatus runStatus(BlockStatus status) {
        return switch (status) {
            case COMPLETED -> RunStatus.COMPLETED;
            case FAILED -> RunStatus.FAILED;
            case TERMINATED -> RunStatus.TERMINATED;
            case TIMED_OUT -> RunStatus.TIMED_OUT;
            case CANCELED -> RunStatus.CANCELED;
        };
    }
}
