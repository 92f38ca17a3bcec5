package dev.rover.llm;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmConfigTest {

    private static final String KEY = "sk-live-very-secret-123";

    @Test
    void readsEveryVariableFromTheEnvironment() {
        LlmConfig config = LlmConfig.fromEnvironment(Map.ofEntries(
                Map.entry("ROVER_LLM_PROVIDER", "openai"),
                Map.entry("ROVER_LLM_MODEL", "gpt-4.1"),
                Map.entry("ROVER_LLM_SECONDARY_MODEL", "gpt-4.1-mini"),
                Map.entry("ROVER_LLM_BASE_URL", "https://proxy.example/v1"),
                Map.entry("OPENAI_API_KEY", KEY),
                Map.entry("ROVER_LLM_VISION", "true"),
                Map.entry("ROVER_LLM_TIMEOUT_SECONDS", "2.5"),
                Map.entry("ROVER_LLM_MAX_ATTEMPTS", "5"),
                Map.entry("ROVER_LLM_BREAKER_FAILURES", "7"),
                Map.entry("ROVER_LLM_RATE_LIMIT_PER_MINUTE", "30"),
                Map.entry("ROVER_LLM_PRICES", "gpt-4.1=2/8, gpt-4.1-mini=0.4/1.6"),
                Map.entry("ROVER_LLM_MAX_TOKENS", "100000"),
                Map.entry("ROVER_LLM_MAX_COST", "1.5")));
        assertThat(config.provider()).isEqualTo(Provider.OPENAI);
        assertThat(config.model()).isEqualTo("gpt-4.1");
        assertThat(config.verifyModel()).isEqualTo("gpt-4.1-mini");
        assertThat(config.baseUrl()).isEqualTo("https://proxy.example/v1");
        assertThat(config.apiKey()).contains(KEY);
        assertThat(config.vision()).isTrue();
        assertThat(config.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.resilience().maxAttempts()).isEqualTo(5);
        assertThat(config.resilience().breakerFailures()).isEqualTo(7);
        assertThat(config.resilience().rateLimitPermits()).isEqualTo(30);
        assertThat(config.prices().cost("gpt-4.1-mini", 1_000_000, 0)).isEqualByComparingTo("0.4");
        assertThat(config.budget().maxTokens()).isEqualTo(100_000L);
        assertThat(config.budget().maxCost()).isEqualByComparingTo(new BigDecimal("1.5"));
    }

    @Test
    void providerIsInferredFromTheKeyAndDefaultsFillTheRest() {
        LlmConfig anthropic = LlmConfig.fromEnvironment(Map.of("ANTHROPIC_API_KEY", KEY));
        assertThat(anthropic.provider()).isEqualTo(Provider.ANTHROPIC);
        assertThat(anthropic.baseUrl()).isEqualTo("https://api.anthropic.com/v1");
        assertThat(anthropic.model()).isNotBlank();
        assertThat(anthropic.verifyModel()).isEqualTo(anthropic.model());
        LlmConfig ollama = LlmConfig.fromEnvironment(Map.of("ROVER_LLM_PROVIDER", "ollama", "ROVER_LLM_MODEL", "llama3.1"));
        assertThat(ollama.baseUrl()).isEqualTo("http://localhost:11434");
        assertThat(ollama.apiKey()).isEmpty();
    }

    @Test
    void isConfiguredOnlyWhenAProviderOrKeyIsSet() {
        assertThat(LlmConfig.isConfigured(Map.of())).isFalse();
        assertThat(LlmConfig.isConfigured(Map.of("OPENAI_API_KEY", " "))).isFalse();
        assertThat(LlmConfig.isConfigured(Map.of("OPENAI_API_KEY", KEY))).isTrue();
        assertThat(LlmConfig.isConfigured(Map.of("ROVER_LLM_PROVIDER", "ollama"))).isTrue();
    }

    @Test
    void errorsNameTheVariableAndNeverTheKey() {
        assertThatThrownBy(() -> LlmConfig.fromEnvironment(Map.of()))
                .hasMessageContaining("set ROVER_LLM_PROVIDER");
        assertThatThrownBy(() -> LlmConfig.fromEnvironment(Map.of("ROVER_LLM_PROVIDER", "gemini")))
                .hasMessage("unknown LLM provider 'gemini'; known providers: openai, openai-compatible, anthropic, ollama");
        assertThatThrownBy(() -> LlmConfig.fromEnvironment(Map.of("ROVER_LLM_PROVIDER", "openai-compatible",
                "ROVER_LLM_MODEL", "qwen")))
                .hasMessage("provider openai-compatible needs a base URL (ROVER_LLM_BASE_URL)");
        assertThatThrownBy(() -> LlmConfig.fromEnvironment(Map.of("ROVER_LLM_PROVIDER", "ollama")))
                .hasMessage("provider ollama needs a model name (ROVER_LLM_MODEL)");
        assertThatThrownBy(() -> LlmConfig.fromEnvironment(Map.of("OPENAI_API_KEY", KEY, "ROVER_LLM_MAX_TOKENS", "lots")))
                .hasMessage("ROVER_LLM_MAX_TOKENS must be a whole number, got 'lots'")
                .hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> LlmConfig.fromEnvironment(Map.of("ROVER_LLM_PROVIDER", "openai")))
                .hasMessage("provider openai needs an API key (OPENAI_API_KEY)");
    }

    @Test
    void toStringHidesTheKey() {
        LlmConfig config = LlmConfig.fromEnvironment(Map.of("OPENAI_API_KEY", KEY));
        assertThat(config.toString()).doesNotContain(KEY).contains("apiKey=***", "provider=openai");
    }
}
