package dev.rover.llm.cua;

import dev.rover.llm.resilience.ResilienceSettings;
import dev.rover.llm.usage.PriceTable;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach one computer-use model: which engine, endpoint, key, model, per-call timeout, resilience
 * and prices, plus each protocol's own switches (Anthropic's tool version, whether OpenAI's safety checks
 * may be acknowledged, UI-TARS's coordinate convention). Built in code or from the environment; the key
 * never appears in {@link #toString()}.
 *
 * @param kind                    which engine
 * @param model                   the model name sent with every call
 * @param baseUrl                 the API root ({@code https://api.anthropic.com}, {@code https://api.openai.com/v1},
 *                                or a vLLM / llama.cpp server's {@code .../v1})
 * @param apiKey                  the key, or null for a local server without one
 * @param timeout                 the limit on one call
 * @param maxOutputTokens         the answer's token limit
 * @param resilience              retries, breaker and rate limit
 * @param prices                  prices per model for cost metering
 * @param anthropicTool           Anthropic's computer tool version ({@code computer_20250124}); its beta header follows from it
 * @param acknowledgeSafetyChecks whether OpenAI's pending safety checks may be acknowledged (else the run ends terminated)
 * @param uiTarsCoordinates       how UI-TARS writes points
 * @param screenshotsKept         how many recent screenshots stay in a conversation (older ones are replaced by a note)
 */
public record CuaSettings(CuaKind kind, String model, String baseUrl, String apiKey, Duration timeout, int maxOutputTokens,
                          ResilienceSettings resilience, PriceTable prices, String anthropicTool,
                          boolean acknowledgeSafetyChecks, UiTarsCoordinates uiTarsCoordinates, int screenshotsKept) {

    /** Anthropic's computer tool version for Claude Sonnet 4.5 / Opus 4.1 / Sonnet 4 (and 3.7). */
    public static final String DEFAULT_ANTHROPIC_TOOL = "computer_20250124";

    /** How UI-TARS writes coordinates. */
    public enum UiTarsCoordinates {
        /** UI-TARS-1.5: absolute pixels of the image after the server's smart resize (multiples of 28). */
        ABSOLUTE,
        /** UI-TARS 1.0 / 2B-SFT: 0..1000 of the image's width and height. */
        RELATIVE_1000
    }

    public CuaSettings {
        Objects.requireNonNull(kind, "kind");
        model = model == null || model.isBlank() ? kind.defaultModel() : model.trim();
        baseUrl = baseUrl == null || baseUrl.isBlank() ? kind.defaultBaseUrl() : baseUrl.trim();
        if (baseUrl == null) {
            throw new IllegalArgumentException(kind.notConfiguredMessage());
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        if (apiKey == null && kind != CuaKind.UI_TARS) {
            throw new IllegalArgumentException(kind.notConfiguredMessage());
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (maxOutputTokens < 1) {
            throw new IllegalArgumentException("maxOutputTokens must be positive, got " + maxOutputTokens);
        }
        resilience = resilience == null ? ResilienceSettings.defaults() : resilience;
        prices = prices == null ? PriceTable.EMPTY : prices;
        anthropicTool = anthropicTool == null || anthropicTool.isBlank() ? DEFAULT_ANTHROPIC_TOOL : anthropicTool.trim();
        if (!anthropicTool.matches("computer_\\d{8}")) {
            throw new IllegalArgumentException("the Anthropic computer tool version must look like computer_20250124, got '" + anthropicTool + "'");
        }
        uiTarsCoordinates = uiTarsCoordinates == null ? UiTarsCoordinates.ABSOLUTE : uiTarsCoordinates;
        if (screenshotsKept < 1) {
            throw new IllegalArgumentException("screenshotsKept must be at least 1, got " + screenshotsKept);
        }
    }

    /** Settings with defaults for everything but the kind, endpoint and key. */
    public static CuaSettings of(CuaKind kind, String baseUrl, String apiKey) {
        return new CuaSettings(kind, null, baseUrl, apiKey, Duration.ofSeconds(120), 4096, null, null, null, false, null, 3);
    }

    /** The beta header that goes with the tool version: {@code computer_20250124} -> {@code computer-use-2025-01-24}. */
    public String anthropicBeta() {
        String date = anthropicTool.substring("computer_".length());
        return "computer-use-" + date.substring(0, 4) + "-" + date.substring(4, 6) + "-" + date.substring(6, 8);
    }

    /** These settings calling another model. */
    public CuaSettings withModel(String other) {
        return new CuaSettings(kind, other, baseUrl, apiKey, timeout, maxOutputTokens, resilience, prices, anthropicTool,
                acknowledgeSafetyChecks, uiTarsCoordinates, screenshotsKept);
    }

    /** These settings with other resilience (tests use fast retries). */
    public CuaSettings withResilience(ResilienceSettings other) {
        return new CuaSettings(kind, model, baseUrl, apiKey, timeout, maxOutputTokens, other, prices, anthropicTool,
                acknowledgeSafetyChecks, uiTarsCoordinates, screenshotsKept);
    }

    /** These settings allowing (or not) OpenAI's safety checks to be acknowledged. */
    public CuaSettings withSafetyChecksAcknowledged(boolean allowed) {
        return new CuaSettings(kind, model, baseUrl, apiKey, timeout, maxOutputTokens, resilience, prices, anthropicTool,
                allowed, uiTarsCoordinates, screenshotsKept);
    }

    /** These settings with other prices. */
    public CuaSettings withPrices(PriceTable other) {
        return new CuaSettings(kind, model, baseUrl, apiKey, timeout, maxOutputTokens, resilience, other, anthropicTool,
                acknowledgeSafetyChecks, uiTarsCoordinates, screenshotsKept);
    }

    /** These settings with UI-TARS's coordinate convention. */
    public CuaSettings withUiTarsCoordinates(UiTarsCoordinates other) {
        return new CuaSettings(kind, model, baseUrl, apiKey, timeout, maxOutputTokens, resilience, prices, anthropicTool,
                acknowledgeSafetyChecks, other, screenshotsKept);
    }

    /** Whether the environment has what this engine needs. */
    public static boolean isConfigured(CuaKind kind, Map<String, String> env) {
        return kind.requiredVariables().stream().allMatch(v -> env.get(v) != null && !env.get(v).isBlank());
    }

    /**
     * Reads the settings of one engine from the environment (see {@link CuaKind} for the variables);
     * timeouts, retries and prices come from the shared {@code ROVER_LLM_TIMEOUT_SECONDS},
     * {@code ROVER_LLM_MAX_ATTEMPTS} and {@code ROVER_LLM_PRICES}.
     *
     * @throws IllegalArgumentException naming what to set, or the variable that is malformed
     */
    public static CuaSettings fromEnvironment(CuaKind kind, Map<String, String> env) {
        if (!isConfigured(kind, env)) {
            throw new IllegalArgumentException(kind.notConfiguredMessage());
        }
        var resilience = ResilienceSettings.builder();
        String attempts = env.get("ROVER_LLM_MAX_ATTEMPTS");
        if (attempts != null && !attempts.isBlank()) {
            resilience.maxAttempts(number("ROVER_LLM_MAX_ATTEMPTS", attempts).intValueExact());
        }
        Duration timeout = Duration.ofSeconds(120);
        String seconds = env.get("ROVER_LLM_TIMEOUT_SECONDS");
        if (seconds != null && !seconds.isBlank()) {
            timeout = Duration.ofMillis(number("ROVER_LLM_TIMEOUT_SECONDS", seconds).multiply(BigDecimal.valueOf(1000)).longValue());
        }
        PriceTable prices = PriceTable.parse(env.get("ROVER_LLM_PRICES"));
        return switch (kind) {
            case ANTHROPIC -> new CuaSettings(kind, env.get("ROVER_ANTHROPIC_CUA_MODEL"), env.get("ROVER_ANTHROPIC_BASE_URL"),
                    env.get("ANTHROPIC_API_KEY"), timeout, 4096, resilience.build(), prices, env.get("ROVER_ANTHROPIC_CUA_TOOL"),
                    false, null, 3);
            case OPENAI -> new CuaSettings(kind, env.get("ROVER_OPENAI_CUA_MODEL"), env.get("ROVER_OPENAI_BASE_URL"),
                    env.get("OPENAI_API_KEY"), timeout, 4096, resilience.build(), prices, null,
                    flag("ROVER_OPENAI_CUA_ACKNOWLEDGE_SAFETY_CHECKS", env.get("ROVER_OPENAI_CUA_ACKNOWLEDGE_SAFETY_CHECKS")), null, 3);
            case UI_TARS -> new CuaSettings(kind, env.get("ROVER_UI_TARS_MODEL"), env.get("ROVER_UI_TARS_BASE_URL"),
                    env.get("ROVER_UI_TARS_API_KEY"), timeout, 1024, resilience.build(), prices, null, false,
                    coordinates(env.get("ROVER_UI_TARS_COORDINATES")), 5);
        };
    }

    private static UiTarsCoordinates coordinates(String value) {
        if (value == null || value.isBlank()) {
            return UiTarsCoordinates.ABSOLUTE;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "absolute" -> UiTarsCoordinates.ABSOLUTE;
            case "relative", "relative_1000", "1000" -> UiTarsCoordinates.RELATIVE_1000;
            default -> throw new IllegalArgumentException("ROVER_UI_TARS_COORDINATES must be absolute (UI-TARS-1.5) or relative "
                    + "(0..1000, UI-TARS 1.0), got '" + value + "'");
        };
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
        };
    }

    private static BigDecimal number(String name, String value) {
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'", e);
        }
    }

    @Override
    public String toString() {
        return "CuaSettings[" + kind.engineName() + ", model=" + model + ", baseUrl=" + baseUrl + ", apiKey="
                + (apiKey == null ? "none" : "***") + "]";
    }
}
