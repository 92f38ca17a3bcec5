package dev.rover.llm.cua;

import java.util.List;
import java.util.Locale;

/**
 * The three computer-use engines, with their registry names (Skyvern's {@code engine} values) and the
 * environment variables that configure them, so "not configured" can name exactly what to set.
 */
public enum CuaKind {
    ANTHROPIC("anthropic_cua", "claude-sonnet-4-5", "https://api.anthropic.com",
            List.of("ANTHROPIC_API_KEY"), List.of("ROVER_ANTHROPIC_CUA_MODEL", "ROVER_ANTHROPIC_BASE_URL", "ROVER_ANTHROPIC_CUA_TOOL")),
    OPENAI("openai_cua", "computer-use-preview", "https://api.openai.com/v1",
            List.of("OPENAI_API_KEY"), List.of("ROVER_OPENAI_CUA_MODEL", "ROVER_OPENAI_BASE_URL", "ROVER_OPENAI_CUA_ACKNOWLEDGE_SAFETY_CHECKS")),
    UI_TARS("ui_tars", "ByteDance-Seed/UI-TARS-1.5-7B", null,
            List.of("ROVER_UI_TARS_BASE_URL"), List.of("ROVER_UI_TARS_MODEL", "ROVER_UI_TARS_API_KEY", "ROVER_UI_TARS_COORDINATES"));

    private final String engineName;
    private final String defaultModel;
    private final String defaultBaseUrl;
    private final List<String> requiredVariables;
    private final List<String> optionalVariables;

    CuaKind(String engineName, String defaultModel, String defaultBaseUrl, List<String> requiredVariables,
            List<String> optionalVariables) {
        this.engineName = engineName;
        this.defaultModel = defaultModel;
        this.defaultBaseUrl = defaultBaseUrl;
        this.requiredVariables = requiredVariables;
        this.optionalVariables = optionalVariables;
    }

    /** The registry name: {@code anthropic_cua}, {@code openai_cua} or {@code ui_tars}. */
    public String engineName() {
        return engineName;
    }

    public String defaultModel() {
        return defaultModel;
    }

    /** The provider's public endpoint, or null when there is none (UI-TARS is self-hosted). */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** The variables that must be set for this engine to run. */
    public List<String> requiredVariables() {
        return requiredVariables;
    }

    /** The variables that tune it. */
    public List<String> optionalVariables() {
        return optionalVariables;
    }

    /** Why this engine cannot run without configuration: the variables to set. */
    public String notConfiguredMessage() {
        return "engine " + engineName + " is not configured: set " + String.join(" and ", requiredVariables)
                + " (optional: " + String.join(", ", optionalVariables) + "), or build Rover with .computerUse(CuaSettings...)";
    }

    /** The kind with this engine name, if it is one. */
    public static java.util.Optional<CuaKind> byEngineName(String name) {
        if (name == null) {
            return java.util.Optional.empty();
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        for (CuaKind k : values()) {
            if (k.engineName.equals(key)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }
}
