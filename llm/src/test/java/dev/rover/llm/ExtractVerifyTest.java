package dev.rover.llm;

import dev.rover.core.engine.Engine;
import dev.rover.core.engine.EngineException;
import dev.rover.core.engine.ExtractRequest;
import dev.rover.core.engine.Extraction;
import dev.rover.core.engine.Verification;
import dev.rover.core.engine.VerifyRequest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.core.json.Json;
import dev.rover.llm.fake.FakeProvider;
import dev.rover.llm.fake.Pages;
import dev.rover.llm.fake.TestConfigs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtractVerifyTest {

    private static final JsonNode SCHEMA = json("""
            {"type": "object", "required": ["member_since", "orders"],
             "properties": {"member_since": {"type": "integer"},
                            "orders": {"type": "array", "items": {"type": "object"}}}}""");

    private FakeProvider provider;
    private Engine engine;

    @BeforeEach
    void start() {
        provider = FakeProvider.start(FakeProvider.Protocol.OPENAI);
        engine = new LlmEngine(TestConfigs.openAi(provider).secondaryModel("gpt-4o-mini").build());
    }

    @AfterEach
    void stop() {
        engine.close();
        provider.close();
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void extractUsesTheSecondaryModelAndReturnsTheData() {
        provider.answer("""
                {"reasoning": "from the orders table", "data": {"member_since": 2021,
                  "orders": [{"order": "A-1", "total": 12.5}, {"order": "A-2", "total": 3.0}]}}""", 400, 60);
        Extraction extraction = engine.extract(new ExtractRequest("List my orders and when I joined", SCHEMA,
                Pages.account(), Map.of(), List.of(), null));
        assertThat(extraction.data().path("member_since").asInt()).isEqualTo(2021);
        assertThat(extraction.data().path("orders")).hasSize(2);
        assertThat(extraction.reasoning()).isEqualTo("from the orders table");
        assertThat(extraction.usage().inputTokens()).isEqualTo(400);
        FakeProvider.Received received = provider.last();
        assertThat(received.json().path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(received.allText()).contains("List my orders and when I joined", "\"member_since\"",
                "| Order | Total |", "| A-1 | $12.50 |", "- Member since: 2021");
    }

    @Test
    void extractMissingARequiredPropertyIsAskedAgainThenFails() {
        provider.answer("{\"data\": {\"orders\": []}}").answer("{\"data\": {\"orders\": []}}");
        assertThatThrownBy(() -> engine.extract(new ExtractRequest("List my orders", SCHEMA, Pages.account(),
                Map.of(), List.of(), null)))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("invalid extract answer twice")
                .hasMessageContaining("\"data\" misses the required property \"member_since\"");
        assertThat(provider.received().get(1).allText()).contains("misses the required property \"member_since\"");
    }

    @Test
    void extractPassesThePreviousErrorOfTheBlock() {
        provider.answer("{\"data\": {\"member_since\": 2021, \"orders\": []}}");
        engine.extract(new ExtractRequest("List my orders", SCHEMA, Pages.account(), Map.of(), List.of(),
                "orders[0].total must be a number"));
        assertThat(provider.last().allText()).contains("Your previous answer was rejected: orders[0].total must be a number");
    }

    @Test
    void verifyReadsAchievedNotAchievedAndImpossible() {
        provider.answer("{\"status\": \"achieved\", \"reason\": \"the welcome message is shown\"}")
                .answer("{\"user_goal_achieved\": false, \"reasoning\": \"still on the form\"}")
                .answer("{\"status\": \"impossible\", \"reason\": \"the account is locked\"}");
        VerifyRequest request = new VerifyRequest("Log in", "the page says Welcome back", Pages.account(), List.of(), List.of());
        Verification achieved = engine.verify(request);
        Verification notYet = engine.verify(request);
        Verification impossible = engine.verify(request);
        assertThat(achieved.status()).isEqualTo(Verification.Status.ACHIEVED);
        assertThat(achieved.reason()).isEqualTo("the welcome message is shown");
        assertThat(achieved.usage().calls()).isEqualTo(1);
        assertThat(notYet.status()).isEqualTo(Verification.Status.NOT_ACHIEVED);
        assertThat(notYet.reason()).isEqualTo("still on the form");
        assertThat(impossible.status()).isEqualTo(Verification.Status.IMPOSSIBLE);
        assertThat(provider.last().json().path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(provider.last().allText()).contains("The goal counts as reached when: the page says Welcome back",
                "Welcome back, Ada");
    }

    @Test
    void verifyWithAnUnknownStatusIsCorrectedOnce() {
        provider.answer("{\"status\": \"maybe\"}").answer("{\"status\": \"not_achieved\", \"reason\": \"no welcome\"}");
        Verification v = engine.verify(new VerifyRequest("Log in", null, Pages.login(), List.of(), List.of()));
        assertThat(v.status()).isEqualTo(Verification.Status.NOT_ACHIEVED);
        assertThat(v.usage().calls()).isEqualTo(2);
        assertThat(provider.received().get(1).allText()).contains("\"status\" must be one of achieved, not_achieved, impossible, got \"maybe\"");
    }
}
