package dev.rover.core.run;

import java.util.List;

/**
 * How a run used cached scripts ({@code run_with: code}), in its response as {@code script_run}.
 *
 * @param scriptId            the script of the first block that has one, or null
 * @param revision            that script's revision after the run, or null
 * @param aiFallbackTriggered whether the agent took over a block whose replay no longer matched the page
 * @param blocks              each cacheable block that ran, in order
 * @param publishedWorkflowId   the {@code wpid_...} a task with {@code publish_workflow} was saved as, or null
 * @param publishedWorkflowFile the YAML file of that workflow, or null
 */
public record ScriptRun(String scriptId, Integer revision, boolean aiFallbackTriggered, List<Block> blocks,
                        String publishedWorkflowId, String publishedWorkflowFile) {

    public ScriptRun {
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }

    /** This account with where the task was published. */
    public ScriptRun published(String workflowId, String file) {
        return new ScriptRun(scriptId, revision, aiFallbackTriggered, blocks, workflowId, file);
    }

    /** How a block ran: {@code replayed}, {@code agent} (no script, or {@code run_with: agent}) or {@code fallback}. */
    public enum Mode {
        REPLAYED, AGENT, FALLBACK;

        /** The lower-case name used in run responses and reports. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The mode with this wire name. */
        @com.fasterxml.jackson.annotation.JsonCreator
        public static Mode parse(String wireName) {
            return valueOf(wireName.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * One block's part of a run with scripts.
     *
     * @param label    the block's label
     * @param mode     how it ran
     * @param reason   why the agent ran it or took over, or what was recorded; null for a clean replay
     * @param scriptId its script after the run, or null when nothing is recorded
     * @param revision that script's revision after the run, or null
     */
    public record Block(String label, Mode mode, String reason, String scriptId, Integer revision) {
    }
}
