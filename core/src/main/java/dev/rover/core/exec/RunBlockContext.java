package dev.rover.core.exec;

import dev.rover.core.run.CancellationToken;
import dev.rover.core.run.HumanDecision;

import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.definition.Workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@link BlockContext} of one block of a run: its values layer, its timeline entry, the run's controls. */
final class RunBlockContext implements BlockContext {

    private final RunEnvironment env;
    private final BlockRunner runner;
    private final ValueScope scope;
    private final TimelineLog.Node node;

    RunBlockContext(RunEnvironment env, BlockRunner runner, ValueScope scope, TimelineLog.Node node) {
        this.env = env;
        this.runner = runner;
        this.scope = scope;
        this.node = node;
    }

    @Override
    public String runId() {
        return env.runId().value();
    }

    @Override
    public Workflow workflow() {
        return env.workflow();
    }

    @Override
    public Map<String, Object> values() {
        return scope.snapshot();
    }

    @Override
    public String render(String template) {
        return env.templates().render(template, scope.snapshot(), () -> env.control().stopRequested().isPresent());
    }

    @Override
    public CancellationToken cancellation() {
        return env.control().token();
    }

    @Override
    public Instant deadline() {
        return env.control().deadline();
    }

    @Override
    public RunServices services() {
        return env.resources().services();
    }

    /**
     * Runs the blocks under this block's timeline entry with the extra values on top. A failure of a
     * block with {@code continue_on_failure} or {@code next_loop_on_failure} is not fatal: the result
     * is then {@code completed} with the failure described in its failure reason (and, for
     * {@code next_loop_on_failure}, the remaining blocks of this iteration are skipped).
     */
    @Override
    public BlockResult runNested(List<BlockDefinition> blocks, Map<String, Object> extraValues) {
        return runner.runNested(blocks, extraValues == null ? Map.of() : extraValues, scope, node);
    }

    @Override
    public TimelineRecorder timeline() {
        return node;
    }

    @Override
    public Optional<HumanDecision> awaitHuman(String outputKey, Map<String, Object> awaiting, Instant until)
            throws InterruptedException {
        return new HumanWait(env.state(), env.runId(), env.control().token()).await(outputKey, awaiting, until);
    }

    @Override
    public void addSteps(int steps) {
        env.state().addSteps(steps);
    }

}
