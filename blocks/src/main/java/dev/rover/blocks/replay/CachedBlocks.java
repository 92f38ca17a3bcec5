package dev.rover.blocks.replay;

import dev.rover.blocks.agent.AgentGoal;
import dev.rover.blocks.agent.AgentOutcome;
import dev.rover.blocks.agent.AgentServices;
import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockStatus;
import dev.rover.core.run.ScriptRun;
import dev.rover.core.script.BlockScript;
import dev.rover.core.script.RunScripts;
import dev.rover.core.script.ScriptAction;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a cacheable AI block: with {@code run_with: code} and a script for it, the script is replayed without the
 * engine; a replay that no longer matches the page hands the block to the agent ({@code ai_fallback: true}) or fails
 * it with the reason ({@code false}). Whenever the agent completes the block, what it did becomes the block's script
 * (a new revision when it differs), so the next replay follows the page as it is now.
 */
public final class CachedBlocks {

    private CachedBlocks() {
    }

    /**
     * Runs the block.
     *
     * @param services the agent's services for this block (the replay uses the same browser, secrets and timeline)
     * @param agent    runs the block with the agent (its retries included)
     */
    public static AgentOutcome run(BlockDefinition block, BlockContext context, AgentServices services, AgentGoal goal,
                                   Supplier<AgentOutcome> agent) {
        RunScripts scripts = context.services().scripts();
        String cacheKey = scripts.cacheKey(() -> ScriptKeys.cacheKey(context));
        String label = block.label();
        Optional<BlockScript> latest = scripts.script(cacheKey, label);
        Optional<BlockScript> script = scripts.replay() ? latest : Optional.empty();
        String fallback = null;
        List<ScriptAction> replayedBefore = List.of();
        if (script.isPresent()) {
            ScriptReplayer replayer = new ScriptReplayer(services, goal, context::render, new ScriptValues(context, block));
            ScriptReplayer.Replay replay = services.browser().replaying(() -> replayer.replay(script.get()));
            if (replay.outcome() != null) {
                scripts.ran(new ScriptRun.Block(label, ScriptRun.Mode.REPLAYED,
                        replay.completed() ? null : replay.outcome().reason(), script.get().scriptId(), script.get().revision()));
                return replay.outcome();
            }
            if (!scripts.aiFallback()) {
                String reason = "the replay of script " + script.get().scriptId() + " revision " + script.get().revision()
                        + " no longer matches the page: " + replay.mismatch() + " (ai_fallback is off, so the agent does not take over)";
                scripts.ran(new ScriptRun.Block(label, ScriptRun.Mode.REPLAYED, reason, script.get().scriptId(), script.get().revision()));
                return new AgentOutcome(BlockStatus.FAILED, reason, List.of(), 0, null, List.of(),
                        services.secrets().redact(services.browser().currentUrl()), List.of());
            }
            fallback = "the agent took over: " + replay.mismatch();
            // the actions replayed before the mismatch changed the page the agent starts from: the new revision keeps them
            replayedBefore = script.get().actions().subList(0, replay.replayed());
        }
        AgentOutcome outcome = agent.get();
        ScriptRun.Mode mode = fallback != null ? ScriptRun.Mode.FALLBACK : ScriptRun.Mode.AGENT;
        if (outcome.status() != BlockStatus.COMPLETED) {
            scripts.ran(new ScriptRun.Block(label, mode, join(fallback, "not recorded: the agent did not complete the block"),
                    script.map(BlockScript::scriptId).orElse(null), script.map(BlockScript::revision).orElse(null)));
            return outcome;
        }
        List<ScriptAction> actions = new java.util.ArrayList<>(replayedBefore);
        try {
            actions.addAll(ScriptRecording.of(outcome.performed(), new ScriptValues(context, block), services.secrets()));
        } catch (ScriptValues.Unrecordable e) {
            scripts.ran(new ScriptRun.Block(label, mode, join(fallback, "not recorded: " + e.getMessage()),
                    script.map(BlockScript::scriptId).orElse(null), script.map(BlockScript::revision).orElse(null)));
            return outcome;
        }
        if (actions.isEmpty() && goal.completeCriterion() == null) {
            // a replay of nothing would complete without checking anything
            scripts.ran(new ScriptRun.Block(label, mode, join(fallback, "not recorded: the agent completed it without acting, "
                    + "and the block has no complete_criterion a replay could check"), null, null));
            return outcome;
        }
        BlockScript saved;
        try {
            saved = scripts.record(cacheKey, label, actions);
        } catch (RuntimeException e) {
            scripts.ran(new ScriptRun.Block(label, mode, join(fallback, "not recorded: " + services.secrets().redact(
                    String.valueOf(e.getMessage()))), null, null));
            return outcome;
        }
        if (saved == null) {
            scripts.ran(new ScriptRun.Block(label, mode, fallback, null, null));
        } else {
            boolean changed = latest.isEmpty() || saved.revision() != latest.get().revision();
            scripts.ran(new ScriptRun.Block(label, mode, join(fallback, changed ? "recorded as revision " + saved.revision()
                    : "recorded: unchanged"), saved.scriptId(), saved.revision()));
        }
        return outcome;
    }

    private static String join(String first, String second) {
        return first == null ? second : second == null ? first : first + "; " + second;
    }
}
