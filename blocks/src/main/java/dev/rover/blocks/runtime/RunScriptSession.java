package dev.rover.blocks.runtime;

import dev.rover.core.definition.Workflow;
import dev.rover.core.run.ScriptRun;
import dev.rover.core.script.BlockScript;
import dev.rover.core.script.RunScripts;
import dev.rover.core.script.ScriptAction;
import dev.rover.core.script.ScriptKey;
import dev.rover.core.script.ScriptStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run's cached scripts: whether it replays, the store its workflow's scripts live in, and how each cacheable
 * block ran, for the run's {@code script_run} and its {@code script_file} artifact.
 */
final class RunScriptSession implements RunScripts {

    private final ScriptStore store;
    private final String workflowKey;
    private final String runId;
    private final boolean replay;
    private final boolean aiFallback;
    private final List<ScriptRun.Block> blocks = new ArrayList<>();
    private final List<BlockScript> used = new ArrayList<>();

    RunScriptSession(ScriptStore store, String workflowKey, String runId, boolean replay, boolean aiFallback) {
        this.store = store;
        this.workflowKey = workflowKey;
        this.runId = runId;
        this.replay = replay;
        this.aiFallback = aiFallback;
    }

    @Override
    public boolean replay() {
        return replay;
    }

    @Override
    public boolean aiFallback() {
        return aiFallback;
    }

    private String cacheKey;

    @Override
    public synchronized String cacheKey(java.util.function.Supplier<String> render) {
        if (cacheKey == null) {
            cacheKey = render.get();
        }
        return cacheKey;
    }

    /** The newest script; only a run that replays counts it as used (its script_file lists what it replayed or recorded). */
    @Override
    public Optional<BlockScript> script(String cacheKey, String blockLabel) {
        Optional<BlockScript> found = store.latest(new ScriptKey(workflowKey, cacheKey, blockLabel));
        if (replay) {
            found.ifPresent(this::use);
        }
        return found;
    }

    @Override
    public BlockScript record(String cacheKey, String blockLabel, List<ScriptAction> actions) {
        BlockScript saved = store.save(new ScriptKey(workflowKey, cacheKey, blockLabel), actions, runId);
        use(saved);
        return saved;
    }

    @Override
    public synchronized void ran(ScriptRun.Block block) {
        blocks.add(block);
    }

    @Override
    public synchronized ScriptRun summary() {
        if (blocks.isEmpty()) {
            return null;
        }
        ScriptRun.Block first = blocks.stream().filter(b -> b.scriptId() != null).findFirst().orElse(null);
        return new ScriptRun(first == null ? null : first.scriptId(), first == null ? null : first.revision(),
                blocks.stream().anyMatch(b -> b.mode() == ScriptRun.Mode.FALLBACK), blocks, null, null);
    }

    private Workflow publishedTask;
    private WorkflowPublisher publisher;

    /** This session publishing the task as a workflow when it completes with a script (null: no publishing). */
    RunScriptSession publishing(Workflow task, WorkflowPublisher to) {
        this.publishedTask = task;
        this.publisher = to;
        return this;
    }

    /**
     * The run's {@code script_run}, with the published workflow when the task asked for it, completed, and left a
     * script to replay.
     *
     * @throws IllegalStateException when publishing was asked for but the task recorded no script (the reason says why)
     */
    ScriptRun summaryPublishing(boolean completed) {
        ScriptRun summary = summary();
        if (publishedTask == null || !completed) {
            return summary;
        }
        if (summary == null || summary.scriptId() == null) {
            throw new IllegalStateException("publish_workflow: the task left no script to publish"
                    + (summary == null || summary.blocks().isEmpty() ? "" : " (" + summary.blocks().get(0).reason() + ")"));
        }
        WorkflowPublisher.Published published = publisher.publish(publishedTask);
        // run from its file the workflow hashes like the task; run by id it is keyed by its permanent id: both replay
        for (BlockScript script : scriptsUsed()) {
            store.save(new ScriptKey(published.workflowPermanentId(), script.key().cacheKey(), script.key().blockLabel()),
                    script.actions(), runId);
        }
        return summary.published(published.workflowPermanentId(), published.file().toString());
    }

    /** The newest revision of every script this run replayed or recorded, in the order first used. */
    synchronized List<BlockScript> scriptsUsed() {
        return List.copyOf(used);
    }

    private synchronized void use(BlockScript script) {
        used.removeIf(s -> s.scriptId().equals(script.scriptId()));
        used.add(script);
    }
}
