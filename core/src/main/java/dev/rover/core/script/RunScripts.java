package dev.rover.core.script;

import dev.rover.core.run.ScriptRun;

import java.util.List;
import java.util.Optional;

/**
 * A run's side of cached replay: whether blocks replay their scripts ({@code run_with: code}) and fall back to the
 * agent, the scripts of this run's workflow and cache key, and the account of how each block ran that ends up in
 * the run's {@code script_run}. The embedding layer gives one per run; {@link #NONE} records and replays nothing.
 */
public interface RunScripts {

    /** True when blocks with a script replay it ({@code run_with: code}) instead of asking the engine. */
    boolean replay();

    /** True when a replay that no longer matches the page hands its block to the agent ({@code ai_fallback}). */
    boolean aiFallback();

    /** The newest script of a block of this run's workflow under a rendered cache key. */
    Optional<BlockScript> script(String cacheKey, String blockLabel);

    /**
     * Stores what the agent did in a block as the block's next script revision (the same revision when nothing
     * changed); null when this run keeps no scripts.
     */
    BlockScript record(String cacheKey, String blockLabel, List<ScriptAction> actions);

    /** The run's rendered cache key, worked out once per run by {@code render} (the same for every block). */
    default String cacheKey(java.util.function.Supplier<String> render) {
        return render.get();
    }

    /** Notes how a block ran, for the run's {@code script_run}. */
    void ran(ScriptRun.Block block);

    /** How the run's blocks ran so far, or null when no cacheable block ran. */
    ScriptRun summary();

    /** Replays nothing and records nothing: runs outside a Rover, core's own tests. */
    RunScripts NONE = new RunScripts() {
        @Override
        public boolean replay() {
            return false;
        }

        @Override
        public boolean aiFallback() {
            return true;
        }

        @Override
        public Optional<BlockScript> script(String cacheKey, String blockLabel) {
            return Optional.empty();
        }

        @Override
        public BlockScript record(String cacheKey, String blockLabel, List<ScriptAction> actions) {
            return null;
        }

        @Override
        public void ran(ScriptRun.Block block) {
        }

        @Override
        public ScriptRun summary() {
            return null;
        }
    };
}
