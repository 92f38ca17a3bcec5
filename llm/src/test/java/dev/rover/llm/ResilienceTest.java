package dev.rover.llm;

import dev.rover.core.engine.DecideRequest;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.Engine;

import dev.rover.llm.fake.FakeProvider;
import dev.rover.llm.fake.Pages;
import dev.rover.llm.fake.TestConfigs;
import dev.rover.llm.resilience.ResilienceSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResilienceTest {

    private static final String CLICK = "{\"actions\": [{\"action_type\": \"click\", \"id\": \"e4\"}]}";

    private FakeProvider provider;

    @BeforeEach
    void start() {
        provider = FakeProvider.start(FakeProvider.Protocol.OPENAI);
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private static DecideRequest request() {
        return new DecideRequest("Sign in", null, null, Map.of(), Map.of(), Pages.login(), List.of(), List.of(), false, null);
    }

    @Test
    void rateLimitedCallWaitsForRetryAfterThenSucceeds() {
        provider.fail(429, Map.of("Retry-After", "0.4")).answer(CLICK);
        long started = System.nanoTime();
        Decision decision;
        try (Engine engine = new LlmEngine(TestConfigs.openAi(provider).build())) {
            decision = engine.decide(request());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(decision.actions()).hasSize(1);
        assertThat(decision.usage().calls()).isEqualTo(1);
        assertThat(provider.received()).hasSize(2);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenReported() {
        provider.alwaysFail(503);
        try (Engine engine = new LlmEngine(TestConfigs.openAi(provider).build())) {
            assertThatThrownBy(() -> engine.decide(request()))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageStartingWith("provider openai failed after 3 attempts: HTTP 503")
                    .hasMessageContaining("scripted failure 503")
                    .hasMessageNotContaining(TestConfigs.API_KEY);
        }
        assertThat(provider.received()).hasSize(3);
    }

    @Test
    void repeatedServerErrorsOpenTheBreakerWhichThenFailsFastWithoutCalling() {
        provider.alwaysFail(500);
        LlmConfig config = TestConfigs.openAi(provider)
                .resilience(TestConfigs.fastResilience().maxAttempts(2).breakerFailures(4).build()).build();
        try (Engine engine = new LlmEngine(config)) {
            assertThatThrownBy(() -> engine.decide(request())).hasMessageContaining("failed after 2 attempts: HTTP 500");
            assertThatThrownBy(() -> engine.decide(request())).isInstanceOf(ProviderException.class);
            assertThat(provider.received()).hasSize(4);
            assertThatThrownBy(() -> engine.decide(request()))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageStartingWith("provider openai is failing: circuit open after 4 errors");
        }
        assertThat(provider.received()).hasSize(4);
    }

    @Test
    void clientErrorsAreNotRetried() {
        provider.fail(401, Map.of());
        try (Engine engine = new LlmEngine(TestConfigs.openAi(provider).build())) {
            assertThatThrownBy(() -> engine.decide(request()))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageStartingWith("provider openai rejected the call: HTTP 401");
        }
        assertThat(provider.received()).hasSize(1);
    }

    @Test
    void slowResponseHitsThePerCallTimeoutAndIsRetried() {
        provider.stall().stall();
        LlmConfig config = TestConfigs.openAi(provider).timeout(Duration.ofMillis(300))
                .resilience(TestConfigs.fastResilience().maxAttempts(2).build()).build();
        long started = System.nanoTime();
        try (Engine engine = new LlmEngine(config)) {
            assertThatThrownBy(() -> engine.decide(request()))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageStartingWith("provider openai failed after 2 attempts: timed out")
                    .hasMessageContaining("within 300 ms");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(provider.received()).hasSize(2);
        assertThat(took).isBetween(Duration.ofMillis(600), Duration.ofSeconds(5));
    }

    @Test
    void rateLimiterFailsCallsBeyondItsPermits() {
        provider.answer(CLICK).answer(CLICK);
        ResilienceSettings limited = TestConfigs.fastResilience()
                .rateLimit(1, Duration.ofMinutes(10), Duration.ofMillis(50)).build();
        try (Engine engine = new LlmEngine(TestConfigs.openAi(provider).resilience(limited).build())) {
            engine.decide(request());
            assertThatThrownBy(() -> engine.decide(request()))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageStartingWith("provider openai rate limit reached: no permit within 50 ms");
        }
        assertThat(provider.received()).hasSize(1);
    }
}
