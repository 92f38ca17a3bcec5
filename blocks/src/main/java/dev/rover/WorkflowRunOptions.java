package dev.rover;

import java.time.Duration;
import java.util.Map;

/**
 * How to run a workflow beyond its parameters: the default engine for blocks that name none, where
 * to send the webhook, which browser to use, and whether the call waits for the end.
 *
 * @param engine             default engine for blocks without an {@code engine} field; null = Rover's default
 * @param model              model for blocks without a {@code model}, over the workflow's; null = the workflow's
 * @param webhookUrl         overrides the workflow's {@code webhook_callback_url}
 * @param browserSessionId   run inside this open browser session
 * @param browserAddress     connect to this Chromium over CDP
 * @param waitForCompletion  return when the run ends
 * @param timeout            how long to wait when waiting
 * @param maxStepsPerBlock   a step budget for every AI block, overriding the blocks' own
 * @param elapsedTimeLimit   overrides {@code max_elapsed_time_minutes} (finer than minutes; tests and previews)
 * @param extraHttpHeaders   merged over the workflow's {@code extra_http_headers}
 * @param runWith            {@code CODE} replays cached block scripts, {@code AGENT} asks the engine every step; null keeps
 *                           the workflow's {@code run_with}
 * @param aiFallback         whether a replay that no longer matches the page hands the block to the agent; null keeps the
 *                           workflow's {@code ai_fallback}
 */
public final class WorkflowRunOptions {
    private final String engine;
    private final String model;
    private final String webhookUrl;
    private final String browserSessionId;
    private final String browserAddress;
    private final boolean waitForCompletion;
    private final Duration timeout;
    private final Integer maxStepsPerBlock;
    private final Duration elapsedTimeLimit;
    private final Map<String, String> extraHttpHeaders;
    private final dev.rover.core.definition.WorkflowSettings.RunWith runWith;
    private final Boolean aiFallback;



    /** Waits for the end, everything else at its default. */
    public static WorkflowRunOptions waiting() {
        return builder().waitForCompletion(true).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    private WorkflowRunOptions(String engine, String model, String webhookUrl, String browserSessionId, String browserAddress, boolean waitForCompletion, Duration timeout, Integer maxStepsPerBlock, Duration elapsedTimeLimit, Map<String, String> extraHttpHeaders, dev.rover.core.definition.WorkflowSettings.RunWith runWith, Boolean aiFallback) {
        timeout = timeout == null ? TaskRequest.DEFAULT_TIMEOUT : timeout;
        if (maxStepsPerBlock != null && maxStepsPerBlock < 1) {
            throw new IllegalArgumentException("maxStepsPerBlock must be at least 1, got " + maxStepsPerBlock);
        }
        if (elapsedTimeLimit != null && (elapsedTimeLimit.isNegative() || elapsedTimeLimit.isZero())) {
            throw new IllegalArgumentException("elapsedTimeLimit must be positive, got " + elapsedTimeLimit);
        }
        extraHttpHeaders = extraHttpHeaders == null ? Map.of() : Map.copyOf(extraHttpHeaders);
        this.engine = engine;
        this.model = model == null || model.isBlank() ? null : model.trim();
        this.webhookUrl = webhookUrl;
        this.browserSessionId = browserSessionId;
        this.browserAddress = browserAddress;
        this.waitForCompletion = waitForCompletion;
        this.timeout = timeout;
        this.maxStepsPerBlock = maxStepsPerBlock;
        this.elapsedTimeLimit = elapsedTimeLimit;
        this.extraHttpHeaders = extraHttpHeaders;
        this.runWith = runWith;
        this.aiFallback = aiFallback;
    }

    public String engine() {
        return engine;
    }

    /** The model blocks call unless they name one, over the workflow's {@code model}; null keeps the workflow's. */
    public String model() {
        return model;
    }

    public String webhookUrl() {
        return webhookUrl;
    }

    public String browserSessionId() {
        return browserSessionId;
    }

    public String browserAddress() {
        return browserAddress;
    }

    public boolean waitForCompletion() {
        return waitForCompletion;
    }

    public Duration timeout() {
        return timeout;
    }

    public Integer maxStepsPerBlock() {
        return maxStepsPerBlock;
    }

    public Duration elapsedTimeLimit() {
        return elapsedTimeLimit;
    }

    public Map<String, String> extraHttpHeaders() {
        return extraHttpHeaders;
    }

    /** {@code CODE} or {@code AGENT} for this run, or null for the workflow's {@code run_with}. */
    public dev.rover.core.definition.WorkflowSettings.RunWith runWith() {
        return runWith;
    }

    /** Whether a replay that no longer matches hands over to the agent, or null for the workflow's {@code ai_fallback}. */
    public Boolean aiFallback() {
        return aiFallback;
    }

    @Override
    public String toString() {
        return "WorkflowRunOptions[" + "engine=" + engine + ", model=" + model + ", " + "webhookUrl=" + webhookUrl + ", " + "browserSessionId=" + browserSessionId + ", " + "browserAddress=" + browserAddress + ", " + "waitForCompletion=" + waitForCompletion + ", " + "timeout=" + timeout + ", " + "maxStepsPerBlock=" + maxStepsPerBlock + ", " + "elapsedTimeLimit=" + elapsedTimeLimit + ", " + "extraHttpHeaders=" + extraHttpHeaders + ", runWith=" + runWith + ", aiFallback=" + aiFallback + "]";
    }

    /** Builds {@link WorkflowRunOptions}. */
    public static final class Builder {
        private String engine;
        private String model;
        private String webhookUrl;
        private String browserSessionId;
        private String browserAddress;
        private boolean waitForCompletion;
        private Duration timeout;
        private Integer maxStepsPerBlock;
        private Duration elapsedTimeLimit;
        private Map<String, String> extraHttpHeaders;
        private dev.rover.core.definition.WorkflowSettings.RunWith runWith;
        private Boolean aiFallback;

        public Builder engine(String v) { engine = v; return this; }
        /** The model blocks call unless they name one (over the workflow's {@code model}). */
        public Builder model(String v) { model = v; return this; }
        public Builder webhookUrl(String v) { webhookUrl = v; return this; }
        public Builder browserSessionId(String v) { browserSessionId = v; return this; }
        public Builder browserAddress(String v) { browserAddress = v; return this; }
        public Builder waitForCompletion(boolean v) { waitForCompletion = v; return this; }
        public Builder timeout(Duration v) { timeout = v; return this; }
        public Builder maxStepsPerBlock(int v) { maxStepsPerBlock = v; return this; }
        public Builder elapsedTimeLimit(Duration v) { elapsedTimeLimit = v; return this; }
        public Builder extraHttpHeaders(Map<String, String> v) { extraHttpHeaders = v; return this; }
        /** {@code CODE} replays the blocks' cached scripts (the agent runs and records blocks without one); over the workflow's. */
        public Builder runWith(dev.rover.core.definition.WorkflowSettings.RunWith v) { runWith = v; return this; }
        /** Whether a replay that no longer matches the page hands the block to the agent (default true); over the workflow's. */
        public Builder aiFallback(boolean v) { aiFallback = v; return this; }
        /** Same as {@link #aiFallback(boolean)}; null keeps the workflow's. */
        public Builder aiFallback(Boolean v) { aiFallback = v; return this; }

        public WorkflowRunOptions build() {
            return new WorkflowRunOptions(engine, model, webhookUrl, browserSessionId, browserAddress, waitForCompletion, timeout,
                    maxStepsPerBlock, elapsedTimeLimit, extraHttpHeaders, runWith, aiFallback);
        }
    }
}
