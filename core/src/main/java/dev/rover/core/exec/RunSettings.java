package dev.rover.core.exec;

/**
 * The settings of one run that blocks read, named once: a task request, workflow run options and the
 * workflow's own settings come down to one of these, and each block reads the setting where it uses it.
 * Built with {@link #builder()}; every setting has a default, so adding one breaks no caller.
 */
public final class RunSettings {

    /** Defaults: the run's default engine and model, the block's own step budget, 3 screenshot scrolls. */
    public static final RunSettings DEFAULTS = builder().build();

    private final String engine;
    private final String model;
    private final Integer maxStepsPerBlock;
    private final int maxScreenshotScrolls;
    private final boolean historyInVerification;
    private final String systemPrompt;

    private RunSettings(Builder b) {
        this.engine = b.engine;
        this.model = b.model;
        this.maxStepsPerBlock = b.maxStepsPerBlock;
        this.maxScreenshotScrolls = b.maxScreenshotScrolls;
        this.historyInVerification = b.historyInVerification;
        this.systemPrompt = b.systemPrompt;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The engine blocks use when they name none; null for the embedding layer's default. */
    public String engine() {
        return engine;
    }

    /** The model blocks use when they name none (task or workflow {@code model}); null for the engine's configured model. */
    public String model() {
        return model;
    }

    /** A run-wide step budget per block (task {@code max_steps}) that replaces the blocks' own; null when not set. */
    public Integer maxStepsPerBlock() {
        return maxStepsPerBlock;
    }

    /** How often a full-page screenshot scrolls. */
    public int maxScreenshotScrolls() {
        return maxScreenshotScrolls;
    }

    /** Whether completion checks see the action history (blocks may still say otherwise). */
    public boolean historyInVerification() {
        return historyInVerification;
    }

    /** {@code workflow_system_prompt}, or null. */
    public String systemPrompt() {
        return systemPrompt;
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return builder().engine(engine).model(model).maxStepsPerBlock(maxStepsPerBlock)
                .maxScreenshotScrolls(maxScreenshotScrolls).historyInVerification(historyInVerification)
                .systemPrompt(systemPrompt);
    }

    @Override
    public String toString() {
        return "RunSettings[engine=" + engine + ", model=" + model + ", maxStepsPerBlock=" + maxStepsPerBlock
                + ", maxScreenshotScrolls=" + maxScreenshotScrolls + ", historyInVerification=" + historyInVerification
                + ", systemPrompt=" + (systemPrompt != null) + "]";
    }

    /** Builds {@link RunSettings}. */
    public static final class Builder {
        private String engine;
        private String model;
        private Integer maxStepsPerBlock;
        private int maxScreenshotScrolls = 3;
        private boolean historyInVerification;
        private String systemPrompt;

        private Builder() {
        }

        public Builder engine(String value) {
            engine = blankToNull(value);
            return this;
        }

        public Builder model(String value) {
            model = blankToNull(value);
            return this;
        }

        public Builder maxStepsPerBlock(Integer value) {
            if (value != null && value < 1) {
                throw new IllegalArgumentException("max_steps must be at least 1, not " + value);
            }
            maxStepsPerBlock = value;
            return this;
        }

        public Builder maxScreenshotScrolls(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("max_screenshot_scrolls must not be negative, not " + value);
            }
            maxScreenshotScrolls = value;
            return this;
        }

        public Builder historyInVerification(boolean value) {
            historyInVerification = value;
            return this;
        }

        public Builder systemPrompt(String value) {
            systemPrompt = blankToNull(value);
            return this;
        }

        public RunSettings build() {
            return new RunSettings(this);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}
