package dev.rover.llm.fake;

import dev.rover.llm.LlmConfig;
import dev.rover.llm.Provider;
import dev.rover.llm.resilience.ResilienceSettings;

import java.time.Duration;

/** Configurations pointed at a fake provider, with delays short enough for tests. */
public final class TestConfigs {

    /** A key the tests make sure never leaks. */
    public static final String API_KEY = "sk-test-DO-NOT-LEAK-7f3a9c";

    private TestConfigs() {
    }

    public static ResilienceSettings.Builder fastResilience() {
        return ResilienceSettings.builder()
                .maxAttempts(3)
                .initialBackoff(Duration.ofMillis(5))
                .maxBackoff(Duration.ofMillis(50))
                .jitter(0.1)
                .breakerFailures(4)
                .breakerOpenDuration(Duration.ofMinutes(5));
    }

    public static LlmConfig.Builder openAi(FakeProvider provider) {
        return LlmConfig.builder(Provider.OPENAI)
                .baseUrl(provider.baseUrl())
                .apiKey(API_KEY)
                .model("gpt-4o")
                .timeout(Duration.ofSeconds(5))
                .resilience(fastResilience().build());
    }
}
