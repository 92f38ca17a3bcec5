package dev.rover.core.definition;

import java.util.Map;

/**
 * The optional run settings at the top of a workflow file (SKYVERN-SPEC §1). Values not written
 * take Skyvern's defaults. {@code trace} (Rover's own: {@code on-failure}, {@code always}, {@code off})
 * is null when the workflow leaves the trace mode to the Rover it runs in.
 */
public record WorkflowSettings(
        String proxyLocation,
        String webhookCallbackUrl,
        String totpVerificationUrl,
        String totpIdentifier,
        boolean persistBrowserSession,
        String browserProfileId,
        Map<String, String> extraHttpHeaders,
        Map<String, Object> model,
        Integer maxScreenshotScrolls,
        int maxElapsedTimeMinutes,
        RunWith runWith,
        boolean aiFallback,
        String cacheKey,
        String status,
        dev.rover.core.page.TraceMode trace) {

    /** Skyvern's default elapsed-time limit. */
    public static final int DEFAULT_MAX_ELAPSED_MINUTES = 240;

    /** Every setting at its default. */
    public static final WorkflowSettings DEFAULTS = new WorkflowSettings(null, null, null, null, false, null, Map.of(),
            null, null, DEFAULT_MAX_ELAPSED_MINUTES, RunWith.AGENT, true, "default", null, null);

    public WorkflowSettings {
        extraHttpHeaders = extraHttpHeaders == null ? Map.of() : Map.copyOf(extraHttpHeaders);
        runWith = runWith == null ? RunWith.AGENT : runWith;
        cacheKey = cacheKey == null ? "default" : cacheKey;
    }

    /** The run's elapsed-time limit: {@code max_elapsed_time_minutes}, or Skyvern's default when unset. */
    public java.time.Duration maxElapsedTime() {
        return java.time.Duration.ofMinutes(maxElapsedTimeMinutes > 0 ? maxElapsedTimeMinutes : DEFAULT_MAX_ELAPSED_MINUTES);
    }

    /** Who drives a run: the agent (engine every step) or cached code (replay, agent as fallback). */
    public enum RunWith {
        AGENT, CODE;

        /** Parses {@code agent}, {@code code} and the legacy {@code ai} / {@code code_v2}; null for anything else. */
        public static RunWith parse(String s) {
            return switch (s) {
                case "agent", "ai" -> AGENT;
                case "code", "code_v2" -> CODE;
                default -> null;
            };
        }
    }

    /** The model this asks for ({@code model: {model_name: X}} or {@code model: X}), or null for the engine's configured one. */
    public String modelName() {
        return model == null || !(model.get(MappingView.MODEL_NAME) instanceof String name) || name.isBlank() ? null : name;
    }
}
