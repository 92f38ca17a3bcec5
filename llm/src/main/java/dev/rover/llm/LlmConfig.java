package dev.rover.llm;

import dev.rover.llm.resilience.ResilienceSettings;
import dev.rover.llm.usage.PriceTable;
import dev.rover.core.engine.RunBudget;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a language model: provider, model, base URL, key, the cheaper secondary model for
 * verify/extract, vision, timeouts, resilience, prices and budgets. Built in code or read from the
 * environment for zero-code use. The API key never appears in {@link #toString()}.
 */
public final class LlmConfig {

    private final Provider provider;
    private final String model;
    private final String secondaryModel;
    private final String baseUrl;
    private final String apiKey;
    private final boolean vision;
    private final Duration timeout;
    private final int maxOutputTokens;
    private final double temperature;
    private final ResilienceSettings resilience;
    private final PriceTable prices;
    private final RunBudget budget;

    private LlmConfig(Builder b) {
        this.provider = Objects.requireNonNull(b.provider, "provider");
        this.model = blankToNull(b.model) != null ? b.model.trim() : provider.defaultModel();
        if (model == null) {
            throw new IllegalArgumentException("provider " + provider.id() + " needs a model name (ROVER_LLM_MODEL)");
        }
        this.secondaryModel = blankToNull(b.secondaryModel) == null ? null : b.secondaryModel.trim();
        this.baseUrl = blankToNull(b.baseUrl) != null ? b.baseUrl.trim() : provider.defaultBaseUrl();
        if (baseUrl == null) {
            throw new IllegalArgumentException("provider " + provider.id() + " needs a base URL (ROVER_LLM_BASE_URL)");
        }
        this.apiKey = blankToNull(b.apiKey);
        if (apiKey == null && (provider == Provider.OPENAI || provider == Provider.ANTHROPIC)) {
            throw new IllegalArgumentException("provider " + provider.id() + " needs an API key ("
                    + (provider == Provider.OPENAI ? "OPENAI_API_KEY" : "ANTHROPIC_API_KEY") + ")");
        }
        this.vision = b.vision;
        this.timeout = Objects.requireNonNull(b.timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (b.maxOutputTokens < 1) {
            throw new IllegalArgumentException("maxOutputTokens must be positive, got " + b.maxOutputTokens);
        }
        this.maxOutputTokens = b.maxOutputTokens;
        this.temperature = b.temperature;
        this.resilience = Objects.requireNonNull(b.resilience, "resilience");
        this.prices = Objects.requireNonNull(b.prices, "prices");
        this.budget = Objects.requireNonNull(b.budget, "budget");
    }

    public static Builder builder(Provider provider) {
        return new Builder(provider);
    }

    /**
     * True when the environment names a provider or holds a provider key, so callers can fall back
     * to the offline engine when it does not.
     */
    public static boolean isConfigured(Map<String, String> env) {
        return blankToNull(env.get("ROVER_LLM_PROVIDER")) != null
                || blankToNull(env.get("OPENAI_API_KEY")) != null
                || blankToNull(env.get("ANTHROPIC_API_KEY")) != null;
    }

    /**
     * Reads the configuration from environment variables: {@code ROVER_LLM_PROVIDER} (openai |
     * openai-compatible | anthropic | ollama; inferred from the key when absent), {@code ROVER_LLM_MODEL},
     * {@code ROVER_LLM_BASE_URL}, {@code OPENAI_API_KEY} / {@code ANTHROPIC_API_KEY} (or {@code ROVER_LLM_API_KEY}),
     * {@code ROVER_LLM_SECONDARY_MODEL}, {@code ROVER_LLM_VISION}, {@code ROVER_LLM_TIMEOUT_SECONDS},
     * {@code ROVER_LLM_MAX_ATTEMPTS}, {@code ROVER_LLM_BREAKER_FAILURES}, {@code ROVER_LLM_RATE_LIMIT_PER_MINUTE},
     * {@code ROVER_LLM_PRICES} ({@code model=in/out,...} per million tokens), {@code ROVER_LLM_MAX_TOKENS},
     * {@code ROVER_LLM_MAX_COST}.
     *
     * @throws IllegalArgumentException naming the variable that is missing or malformed
     */
    public static LlmConfig fromEnvironment(Map<String, String> env) {
        String providerName = blankToNull(env.get("ROVER_LLM_PROVIDER"));
        Provider provider;
        if (providerName != null) {
            provider = Provider.fromId(providerName);
        } else if (blankToNull(env.get("OPENAI_API_KEY")) != null) {
            provider = Provider.OPENAI;
        } else if (blankToNull(env.get("ANTHROPIC_API_KEY")) != null) {
            provider = Provider.ANTHROPIC;
        } else {
            throw new IllegalArgumentException("no LLM provider configured: set ROVER_LLM_PROVIDER (openai, "
                    + "openai-compatible, anthropic, ollama) or OPENAI_API_KEY / ANTHROPIC_API_KEY");
        }
        String key = switch (provider) {
            case OPENAI -> env.get("OPENAI_API_KEY");
            case ANTHROPIC -> env.get("ANTHROPIC_API_KEY");
            case OPENAI_COMPATIBLE, OLLAMA -> Optional.ofNullable(blankToNull(env.get("ROVER_LLM_API_KEY")))
                    .orElse(env.get("OPENAI_API_KEY"));
        };
        if (blankToNull(key) == null) {
            key = env.get("ROVER_LLM_API_KEY");
        }
        var resilience = ResilienceSettings.builder();
        intVar(env, "ROVER_LLM_MAX_ATTEMPTS").ifPresent(resilience::maxAttempts);
        intVar(env, "ROVER_LLM_BREAKER_FAILURES").ifPresent(resilience::breakerFailures);
        intVar(env, "ROVER_LLM_RATE_LIMIT_PER_MINUTE")
                .ifPresent(n -> resilience.rateLimit(n, Duration.ofMinutes(1), Duration.ofMinutes(1)));
        Long maxTokens = intVar(env, "ROVER_LLM_MAX_TOKENS").map(Integer::longValue).orElse(null);
        BigDecimal maxCost = decimalVar(env, "ROVER_LLM_MAX_COST").orElse(null);
        Builder b = builder(provider)
                .model(env.get("ROVER_LLM_MODEL"))
                .secondaryModel(env.get("ROVER_LLM_SECONDARY_MODEL"))
                .baseUrl(env.get("ROVER_LLM_BASE_URL"))
                .apiKey(key)
                .vision(Boolean.parseBoolean(env.getOrDefault("ROVER_LLM_VISION", "false").trim()))
                .resilience(resilience.build())
                .prices(PriceTable.parse(env.get("ROVER_LLM_PRICES")))
                .budget(new RunBudget(maxTokens, maxCost));
        decimalVar(env, "ROVER_LLM_TIMEOUT_SECONDS")
                .ifPresent(s -> b.timeout(Duration.ofMillis(s.multiply(BigDecimal.valueOf(1000)).longValue())));
        return b.build();
    }

    private static Optional<Integer> intVar(Map<String, String> env, String name) {
        String v = blankToNull(env.get(name));
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'", e);
        }
    }

    private static Optional<BigDecimal> decimalVar(Map<String, String> env, String name) {
        String v = blankToNull(env.get(name));
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(v.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + v + "'", e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public Provider provider() { return provider; }
    public String model() { return model; }
    /** The model for verify and extract: the secondary one when configured, else the main one. */
    public String verifyModel() { return secondaryModel != null ? secondaryModel : model; }
    public Optional<String> secondaryModel() { return Optional.ofNullable(secondaryModel); }
    public String baseUrl() { return baseUrl; }
    /** The API key, for building the provider client only; never log it. */
    public Optional<String> apiKey() { return Optional.ofNullable(apiKey); }
    public boolean vision() { return vision; }
    public Duration timeout() { return timeout; }
    public int maxOutputTokens() { return maxOutputTokens; }
    public double temperature() { return temperature; }
    public ResilienceSettings resilience() { return resilience; }
    public PriceTable prices() { return prices; }
    public RunBudget budget() { return budget; }

    @Override
    public String toString() {
        return "LlmConfig[provider=" + provider.id() + ", model=" + model
                + (secondaryModel != null ? ", secondaryModel=" + secondaryModel : "")
                + ", baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", vision=" + vision + ", timeout=" + timeout + "]";
    }

    /** Builds an {@link LlmConfig}; only the provider is required, and a key for OpenAI and Anthropic. */
    /**
     * This configuration calling another model (a task's, workflow's or block's {@code model}); the
     * secondary model for verify and extract is kept when one is configured.
     */
    public LlmConfig withModel(String otherModel) {
        if (otherModel == null || otherModel.isBlank() || otherModel.trim().equals(model)) {
            return this;
        }
        return builder(provider).model(otherModel).secondaryModel(secondaryModel).baseUrl(baseUrl).apiKey(apiKey)
                .vision(vision).timeout(timeout).maxOutputTokens(maxOutputTokens).temperature(temperature)
                .resilience(resilience).prices(prices).budget(budget).build();
    }

    public static final class Builder {
        private final Provider provider;
        private String model;
        private String secondaryModel;
        private String baseUrl;
        private String apiKey;
        private boolean vision;
        private Duration timeout = Duration.ofSeconds(60);
        private int maxOutputTokens = 4096;
        private double temperature;
        private ResilienceSettings resilience = ResilienceSettings.defaults();
        private PriceTable prices = PriceTable.EMPTY;
        private RunBudget budget = RunBudget.UNLIMITED;

        private Builder(Provider provider) {
            this.provider = provider;
        }

        public Builder model(String v) { this.model = v; return this; }
        /** A cheaper model for verify and extract. */
        public Builder secondaryModel(String v) { this.secondaryModel = v; return this; }
        public Builder baseUrl(String v) { this.baseUrl = v; return this; }
        public Builder apiKey(String v) { this.apiKey = v; return this; }
        /** Send screenshots to models that accept images. */
        public Builder vision(boolean v) { this.vision = v; return this; }
        /** The limit on one model call (one attempt). */
        public Builder timeout(Duration v) { this.timeout = v; return this; }
        public Builder maxOutputTokens(int v) { this.maxOutputTokens = v; return this; }
        public Builder temperature(double v) { this.temperature = v; return this; }
        public Builder resilience(ResilienceSettings v) { this.resilience = v; return this; }
        public Builder prices(PriceTable v) { this.prices = v; return this; }
        /** The default per-run budget, used when the caller passes no meter of its own. */
        public Builder budget(RunBudget v) { this.budget = v; return this; }

        public LlmConfig build() {
            return new LlmConfig(this);
        }
    }
}
