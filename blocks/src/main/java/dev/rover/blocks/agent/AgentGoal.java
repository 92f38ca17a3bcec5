package dev.rover.blocks.agent;

import java.util.Map;

/**
 * What one AI block asks of the agent loop: the goal and its criteria, what the engine may type,
 * and the limits. Built from a block definition (navigation, action, login, task) or a task request.
 *
 * @param blockLabel                 the block this loop runs for (labels artifacts and timeline entries)
 * @param goal                       the navigation goal, rendered, placeholders only
 * @param completeCriterion          optional complete criterion
 * @param terminateCriterion         optional terminate criterion
 * @param errorCodeMapping           {@code CODE -> when it applies}
 * @param userDetails                values the engine may type (parameters; credentials as placeholder maps)
 * @param maxSteps                   steps before the block fails
 * @param singleAction               an action block: one action, no verification
 * @param verifyCompletion           verify the goal after a step that neither completed nor terminated
 * @param historyInVerification      send the action history to verification
 * @param completeOnDownload         a download completes the block
 * @param downloadSuffix             the name a download is saved under, or null
 * @param downloadTimeout            how long an action waits for the download it starts, or null for the action timeout
 * @param maxScreenshotScrolls       scrolls for the final full-page screenshot
 * @param sendScreenshots            send a screenshot of the page with every decision (vision models)
 * @param systemPrompt               {@code workflow_system_prompt}, or null
 */
public record AgentGoal(
        String blockLabel,
        String goal,
        String completeCriterion,
        String terminateCriterion,
        Map<String, String> errorCodeMapping,
        Map<String, Object> userDetails,
        int maxSteps,
        boolean singleAction,
        boolean verifyCompletion,
        boolean historyInVerification,
        boolean completeOnDownload,
        String downloadSuffix,
        java.time.Duration downloadTimeout,
        int maxScreenshotScrolls,
        boolean sendScreenshots,
        String systemPrompt) {

    /** Skyvern's default step budget for a block. */
    public static final int DEFAULT_MAX_STEPS = 10;

    public AgentGoal {
        errorCodeMapping = errorCodeMapping == null ? Map.of() : Map.copyOf(errorCodeMapping);
        userDetails = userDetails == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(userDetails));
        if (maxSteps < 1) {
            throw new IllegalArgumentException("max_steps must be at least 1, got " + maxSteps);
        }
    }

    /** A builder for a goal; everything but the goal text has a default. */
    public static Builder builder(String blockLabel, String goal) {
        return new Builder(blockLabel, goal);
    }

    /** Builds an {@link AgentGoal}. */
    public static final class Builder {
        private final String blockLabel;
        private final String goal;
        private String completeCriterion;
        private String terminateCriterion;
        private Map<String, String> errorCodeMapping = Map.of();
        private Map<String, Object> userDetails = Map.of();
        private int maxSteps = DEFAULT_MAX_STEPS;
        private boolean singleAction;
        private boolean verifyCompletion = true;
        private boolean historyInVerification;
        private boolean completeOnDownload;
        private String downloadSuffix;
        private java.time.Duration downloadTimeout;
        private int maxScreenshotScrolls = 3;
        private boolean sendScreenshots;
        private String systemPrompt;

        private Builder(String blockLabel, String goal) {
            this.blockLabel = blockLabel;
            this.goal = goal;
        }

        public Builder completeCriterion(String v) { completeCriterion = v; return this; }
        public Builder terminateCriterion(String v) { terminateCriterion = v; return this; }
        public Builder errorCodeMapping(Map<String, String> v) { errorCodeMapping = v; return this; }
        public Builder userDetails(Map<String, Object> v) { userDetails = v; return this; }
        public Builder maxSteps(int v) { maxSteps = v; return this; }
        public Builder singleAction(boolean v) { singleAction = v; return this; }
        public Builder verifyCompletion(boolean v) { verifyCompletion = v; return this; }
        public Builder historyInVerification(boolean v) { historyInVerification = v; return this; }
        public Builder completeOnDownload(boolean v) { completeOnDownload = v; return this; }
        public Builder downloadSuffix(String v) { downloadSuffix = v; return this; }
        public Builder downloadTimeout(java.time.Duration v) { downloadTimeout = v; return this; }
        public Builder maxScreenshotScrolls(int v) { maxScreenshotScrolls = v; return this; }
        public Builder sendScreenshots(boolean v) { sendScreenshots = v; return this; }
        public Builder systemPrompt(String v) { systemPrompt = v; return this; }

        public AgentGoal build() {
            return new AgentGoal(blockLabel, goal, completeCriterion, terminateCriterion, errorCodeMapping, userDetails,
                    maxSteps, singleAction, verifyCompletion, historyInVerification, completeOnDownload, downloadSuffix,
                    downloadTimeout, maxScreenshotScrolls, sendScreenshots, systemPrompt);
        }
    }
}
