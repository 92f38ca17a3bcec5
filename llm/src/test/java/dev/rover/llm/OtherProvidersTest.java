package dev.rover.llm;

import dev.rover.core.engine.DecideRequest;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.Engine;
import dev.rover.core.engine.PlannedAction;
import dev.rover.core.engine.Usage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Target;
import dev.rover.llm.fake.FakeProvider;
import dev.rover.llm.fake.Pages;
import dev.rover.llm.fake.TestConfigs;
import dev.rover.llm.usage.PriceTable;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OtherProvidersTest {

    private static DecideRequest request() {
        return new DecideRequest("Choose Japan as the country", null, null, Map.of(), Map.of(), Pages.account(),
                List.of(), List.of(), false, null);
    }

    @Test
    void anthropicMessagesExchange() {
        try (FakeProvider provider = FakeProvider.start(FakeProvider.Protocol.ANTHROPIC)) {
            provider.answer("I will pick Japan.\n{\"actions\": [{\"action_type\": \"select_option\", \"id\": \"s1\", "
                    + "\"option\": {\"label\": \"Japan\"}}]}", 300, 30);
            LlmConfig config = LlmConfig.builder(Provider.ANTHROPIC).baseUrl(provider.baseUrl()).apiKey(TestConfigs.API_KEY)
                    .model("claude-sonnet-4-5").timeout(Duration.ofSeconds(5))
                    .prices(PriceTable.EMPTY.with("claude-sonnet-4", 3, 15))
                    .resilience(TestConfigs.fastResilience().build()).build();
            Decision decision;
            try (Engine engine = new LlmEngine(config)) {
                decision = engine.decide(request());
            }
            assertThat(decision.actions()).extracting(PlannedAction::action)
                    .containsExactly(new BrowserAction.SelectOption(Target.id("s1"), "Japan", null, null));
            assertThat(decision.usage()).isEqualTo(new Usage(1, 300, 30, new BigDecimal("0.00135")));
            FakeProvider.Received received = provider.last();
            assertThat(received.path()).isEqualTo("/v1/messages");
            assertThat(received.header("x-api-key")).isEqualTo(TestConfigs.API_KEY);
            JsonNode body = received.json();
            assertThat(body.path("model").asText()).isEqualTo("claude-sonnet-4-5");
            assertThat(body.path("max_tokens").asInt()).isEqualTo(4096);
            assertThat(received.allText()).contains("Choose Japan as the country", "<option index=\"1\" value=\"jp\">Japan</option>");
        }
    }

    @Test
    void ollamaNativeChatExchangeAsksForJson() {
        try (FakeProvider provider = FakeProvider.start(FakeProvider.Protocol.OLLAMA)) {
            provider.answer("{\"actions\": [{\"action_type\": \"click\", \"id\": \"b1\", \"reasoning\": \"log out\"}]}", 50, 7);
            LlmConfig config = LlmConfig.builder(Provider.OLLAMA).baseUrl(provider.baseUrl()).model("llama3.1")
                    .timeout(Duration.ofSeconds(5)).resilience(TestConfigs.fastResilience().build()).build();
            Decision decision;
            try (Engine engine = new LlmEngine(config)) {
                decision = engine.decide(request());
            }
            assertThat(decision.actions()).extracting(PlannedAction::action).containsExactly(new BrowserAction.Click(Target.id("b1")));
            assertThat(decision.usage()).isEqualTo(new Usage(1, 50, 7, BigDecimal.ZERO));
            FakeProvider.Received received = provider.last();
            assertThat(received.path()).isEqualTo("/api/chat");
            assertThat(received.json().path("format").asText()).isEqualTo("json");
            assertThat(received.json().path("model").asText()).isEqualTo("llama3.1");
        }
    }

    @Test
    void openAiCompatibleServerNeedsNoKey() {
        try (FakeProvider provider = FakeProvider.start(FakeProvider.Protocol.OPENAI)) {
            provider.answer("{\"actions\": [{\"action_type\": \"scroll\", \"direction\": \"down\"}]}");
            LlmConfig config = LlmConfig.builder(Provider.OPENAI_COMPATIBLE).baseUrl(provider.baseUrl()).model("qwen2.5-7b")
                    .timeout(Duration.ofSeconds(5)).resilience(TestConfigs.fastResilience().build()).build();
            Decision decision;
            try (Engine engine = new LlmEngine(config)) {
                decision = engine.decide(request());
            }
            assertThat(decision.actions().get(0).action()).isEqualTo(new BrowserAction.Scroll(null, "down", 600));
            assertThat(provider.last().path()).isEqualTo("/v1/chat/completions");
        }
    }
}
