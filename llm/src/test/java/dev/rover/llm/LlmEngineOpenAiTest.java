package dev.rover.llm;

import dev.rover.core.engine.ActionRecord;
import dev.rover.core.engine.BudgetExceededException;
import dev.rover.core.engine.DecideRequest;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.Engine;
import dev.rover.core.engine.EngineException;
import dev.rover.core.engine.GoalState;
import dev.rover.core.engine.LlmCallListener;
import dev.rover.core.engine.PlannedAction;
import dev.rover.core.engine.RunScope;
import dev.rover.core.engine.Usage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Target;
import dev.rover.llm.fake.FakeProvider;
import dev.rover.llm.fake.Pages;
import dev.rover.llm.fake.TestConfigs;
import dev.rover.llm.usage.PriceTable;
import dev.rover.core.engine.RunBudget;
import dev.rover.core.engine.UsageMeter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmEngineOpenAiTest {

    private static final String PASSWORD_PLACEHOLDER = "placeholder_ab12_password";
    private static final String REAL_PASSWORD = "hunter2-real-secret";

    private FakeProvider provider;

    @BeforeEach
    void start() {
        provider = FakeProvider.start(FakeProvider.Protocol.OPENAI);
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private static DecideRequest loginRequest(List<ActionRecord> history) {
        return new DecideRequest("Log in to the shop with the provided credentials", "the account page is shown",
                "the password is rejected", Map.of("INVALID_CREDENTIALS", "the site says the password is wrong"),
                Map.of("email", "ada@example.com", "password", PASSWORD_PLACEHOLDER), Pages.login(), List.of(), history,
                false, "Never click advertisements.");
    }

    @Test
    void multiStepExchangeTypesSubmitsThenCompletes() {
        provider.answer("""
                {"user_goal_achieved": false, "action_plan": "fill in the form and sign in",
                 "actions": [
                   {"action_type": "input_text", "id": "e1", "text": "ada@example.com", "reasoning": "email"},
                   {"action_type": "input_text", "id": "e2", "text": "placeholder_ab12_password", "reasoning": "password"},
                   {"action_type": "checkbox", "id": "e3", "is_checked": true, "reasoning": "stay signed in"},
                   {"action_type": "click", "id": "e4", "reasoning": "submit"}
                 ]}""")
                .answer("""
                {"user_goal_achieved": true, "action_plan": "the account page is shown",
                 "actions": [{"action_type": "complete", "reasoning": "welcome message visible"}]}""");
        try (Engine engine = new LlmEngine(TestConfigs.openAi(provider).build())) {
            Decision first = engine.decide(loginRequest(List.of()));
            assertThat(first.state()).isEqualTo(GoalState.CONTINUE);
            assertThat(first.reasoning()).isEqualTo("fill in the form and sign in");
            assertThat(first.actions()).extracting(PlannedAction::action).containsExactly(
                    new BrowserAction.InputText(Target.id("e1"), "ada@example.com"),
                    new BrowserAction.InputText(Target.id("e2"), PASSWORD_PLACEHOLDER),
                    new BrowserAction.Checkbox(Target.id("e3"), true),
                    new BrowserAction.Click(Target.id("e4")));
            assertThat(first.usage()).isEqualTo(new Usage(1, 10, 5, BigDecimal.ZERO));

            List<ActionRecord> history = new ArrayList<>();
            for (int i = 0; i < first.actions().size(); i++) {
                history.add(new ActionRecord(1, first.actions().get(i).action(), first.actions().get(i).reasoning(), ActionResult.ok()));
            }
            Decision second = engine.decide(new DecideRequest("Log in to the shop with the provided credentials", null, null,
                    Map.of(), Map.of(), Pages.account(), List.of(), history, false, null));
            assertThat(second.state()).isEqualTo(GoalState.COMPLETE);
            assertThat(second.actions()).isEmpty();
            assertThat(second.reasoning()).isEqualTo("the account page is shown");
        }
        assertThat(provider.received()).hasSize(2);
        FakeProvider.Received secondRequest = provider.received().get(1);
        assertThat(secondRequest.path()).isEqualTo("/v1/chat/completions");
        assertThat(secondRequest.allText()).contains("step 1: input_text e1 \"ada@example.com\"", "step 1: click e4 (submit) -> ok",
                "Your account (http://shop.test/account)", "<select id=\"s1\"");
    }

    @Test
    void promptHoldsGoalElementsAndPlaceholdersButNeverSecretsOrKey() {
        provider.answer("{\"actions\": [{\"action_type\": \"click\", \"id\": \"e4\"}]}");
        List<String> recorded = new ArrayList<>();
        LlmCallListener listener = new LlmCallListener() {
            @Override
            public void onPrompt(String kind, String text) {
                recorded.add(kind + ":" + text);
            }

            @Override
            public void onResponse(String kind, String text) {
                recorded.add(kind + "<-" + text);
            }
        };
        try (Engine engine = new LlmEngine(TestConfigs.openAi(provider).build())
                .forRun(new RunScope(UsageMeter.unlimited(), listener, t -> t.replace("ada@example.com", "[redacted-email]")))) {
            engine.decide(loginRequest(List.of()));
        }
        FakeProvider.Received request = provider.last();
        JsonNode body = request.json();
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o");
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        String prompt = request.allText();
        assertThat(prompt).contains("Log in to the shop with the provided credentials", "the account page is shown",
                "the password is rejected", "INVALID_CREDENTIALS: the site says the password is wrong",
                PASSWORD_PLACEHOLDER, "<input id=\"e1\" type=\"email\" placeholder=\"Email\"", "<button id=\"e4\">Sign in</button>",
                "Never click advertisements.", "\"action_type\"", "user_goal_achieved");
        assertThat(prompt).doesNotContain(REAL_PASSWORD).doesNotContain(TestConfigs.API_KEY)
                .doesNotContain("EXACTLY ONE action");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TestConfigs.API_KEY);
        assertThat(recorded).hasSize(2);
        assertThat(recorded.get(0)).startsWith("decide:[system]").contains(PASSWORD_PLACEHOLDER, "[redacted-email]")
                .doesNotContain("ada@example.com");
        assertThat(recorded.get(1)).isEqualTo("decide<-{\"actions\": [{\"action_type\": \"click\", \"id\": \"e4\"}]}");
    }

    @Test
    void inventedElementIdGetsOneCorrectiveReAskNamingTheProblem() {
        provider.answer("{\"actions\": [{\"action_type\": \"click\", \"id\": \"zz99\", \"reasoning\": \"submit\"}]}", 100, 20)
                .answer("```json\n{\"actions\": [{\"action_type\": \"click\", \"id\": \"e4\", \"reasoning\": \"submit\"},]}\n```", 150, 20);
        Decision decision;
        try (Engine engine = new LlmEngine(TestConfigs.openAi(provider).build())) {
            decision = engine.decide(loginRequest(List.of()));
        }
        assertThat(decision.actions()).extracting(PlannedAction::action).containsExactly(new BrowserAction.Click(Target.id("e4")));
        assertThat(decision.usage()).isEqualTo(new Usage(2, 250, 40, BigDecimal.ZERO));
        assertThat(provider.received()).hasSize(2);
        JsonNode messages = provider.received().get(1).json().path("messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.get(2).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(2).path("content").asText()).contains("zz99");
        assertThat(messages.get(3).path("content").asText())
                .contains("element id \"zz99\" is not on the page")
                .contains("Valid element ids on this page: e1, e2, e3, e4");
        assertThat(provider.received().get(0).allText()).doesNotContain("could not be used");
    }

    @Test
    void malformedJsonTwiceFailsTheStepWithTheReason() {
        provider.answer("Sure! I will click the button.").answer("{\"actions\": [{\"action_type\": \"click\", \"id\": ");
        try (Engine engine = new LlmEngine(TestConfigs.openAi(provider).build())) {
            assertThatThrownBy(() -> engine.decide(loginRequest(List.of())))
                    .isInstanceOf(EngineException.class)
                    .hasMessageContaining("gpt-4o gave an invalid decide answer twice")
                    .hasMessageContaining("not valid JSON");
        }
        assertThat(provider.received()).hasSize(2);
        assertThat(provider.received().get(1).allText()).contains("the answer contains no JSON object");
    }

    @Test
    void missingRequiredFieldsAndUnknownTypesAreAllNamedInTheCorrection() {
        provider.answer("""
                {"actions": [{"action_type": "input_text", "id": "e1"},
                             {"action_type": "fly", "id": "e4"},
                             {"action_type": "goto_url"}]}""")
                .answer("{\"actions\": [{\"action_type\": \"terminate\", \"reasoning\": \"wrong password\", "
                        + "\"errors\": [{\"error_code\": \"INVALID_CREDENTIALS\"}]}]}");
        Decision decision;
        try (Engine engine = new LlmEngine(TestConfigs.openAi(provider).build())) {
            decision = engine.decide(loginRequest(List.of()));
        }
        String correction = provider.received().get(1).json().path("messages").get(3).path("content").asText();
        assertThat(correction).contains("action 1 (input_text): input_text needs a \"text\"",
                "action 2 (fly): \"fly\" is not an action type", "action 3 (goto_url): goto_url needs a \"url\"");
        assertThat(decision.state()).isEqualTo(GoalState.TERMINATE);
        assertThat(decision.errorCodes()).containsExactly("INVALID_CREDENTIALS");
        assertThat(decision.reasoning()).isEqualTo("wrong password");
    }

    @Test
    void actionBlockAsksForExactlyOneAction() {
        provider.answer("{\"actions\": [{\"action_type\": \"click\", \"id\": \"e4\"}, {\"action_type\": \"click\", \"id\": \"e3\"}]}");
        DecideRequest single = new DecideRequest("Click sign in", null, null, Map.of(), Map.of(), Pages.login(),
                List.of(), List.of(), true, null);
        Decision decision;
        try (Engine engine = new LlmEngine(TestConfigs.openAi(provider).build())) {
            decision = engine.decide(single);
        }
        assertThat(provider.last().allText()).contains("EXACTLY ONE action");
        assertThat(decision.actions()).hasSize(1);
        assertThat(decision.actions().get(0).action()).isEqualTo(new BrowserAction.Click(Target.id("e4")));
    }

    @Test
    void tokensAndCostAreCountedPerCallPerStepAndPerRun() {
        provider.answer("{\"actions\": [{\"action_type\": \"click\", \"id\": \"e4\"}]}", 1_000, 200)
                .answer("{\"actions\": [{\"action_type\": \"click\", \"id\": \"e4\"}]}", 2_000, 100);
        UsageMeter meter = UsageMeter.unlimited();
        LlmConfig config = TestConfigs.openAi(provider).prices(PriceTable.EMPTY.with("gpt-4o", 2.5, 10)).build();
        try (Engine engine = new LlmEngine(config).forRun(RunScope.of(meter))) {
            meter.startStep();
            Decision first = engine.decide(loginRequest(List.of()));
            assertThat(first.usage().cost()).isEqualByComparingTo("0.0045");
            assertThat(meter.stepUsage().totalTokens()).isEqualTo(1_200);
            meter.startStep();
            Decision second = engine.decide(loginRequest(List.of()));
            assertThat(second.usage()).isEqualTo(new Usage(1, 2_000, 100, new BigDecimal("0.006")));
            assertThat(meter.stepUsage().inputTokens()).isEqualTo(2_000);
        }
        assertThat(meter.runUsage().calls()).isEqualTo(2);
        assertThat(meter.runUsage().inputTokens()).isEqualTo(3_000);
        assertThat(meter.runUsage().outputTokens()).isEqualTo(300);
        assertThat(meter.runUsage().cost()).isEqualByComparingTo("0.0105");
    }

    @Test
    void exceededTokenBudgetStopsTheRunAndMakesNoFurtherCalls() {
        provider.answer("{\"actions\": [{\"action_type\": \"click\", \"id\": \"e4\"}]}", 800, 100)
                .answer("{\"actions\": [{\"action_type\": \"click\", \"id\": \"e4\"}]}", 800, 100)
                .answer("{\"actions\": [{\"action_type\": \"click\", \"id\": \"e4\"}]}", 800, 100);
        UsageMeter meter = new UsageMeter(RunBudget.ofTokens(1_500));
        try (Engine engine = new LlmEngine(TestConfigs.openAi(provider).build()).forRun(RunScope.of(meter))) {
            engine.decide(loginRequest(List.of()));
            assertThatThrownBy(() -> engine.decide(loginRequest(List.of())))
                    .isInstanceOf(BudgetExceededException.class)
                    .hasMessage("run budget exceeded: 1800 tokens used (1600 in, 200 out) in 2 model calls; max_tokens is 1500");
            assertThatThrownBy(() -> engine.decide(loginRequest(List.of())))
                    .isInstanceOf(BudgetExceededException.class);
        }
        assertThat(provider.received()).hasSize(2);
    }

    @Test
    void exceededCostBudgetNamesTheCostLimit() {
        provider.answer("{\"actions\": [{\"action_type\": \"click\", \"id\": \"e4\"}]}", 1_000_000, 0);
        LlmConfig config = TestConfigs.openAi(provider).prices(PriceTable.EMPTY.with("gpt-4o", 2.5, 10))
                .budget(RunBudget.ofCost(new BigDecimal("1.00"))).build();
        try (Engine engine = new LlmEngine(config)) {
            assertThatThrownBy(() -> engine.decide(loginRequest(List.of())))
                    .isInstanceOf(BudgetExceededException.class)
                    .hasMessage("run budget exceeded: cost 2.5 in 1 model calls; max_cost is 1.00");
        }
    }

    @Test
    void screenshotsAreSentOnlyWithVisionOn() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        DecideRequest withShot = new DecideRequest("Sign in", null, null, Map.of(), Map.of(), Pages.login(),
                List.of(png), List.of(), false, null);
        provider.answer("{\"actions\": [{\"action_type\": \"click\", \"id\": \"e4\"}]}")
                .answer("{\"actions\": [{\"action_type\": \"click\", \"id\": \"e4\"}]}");
        try (Engine blind = new LlmEngine(TestConfigs.openAi(provider).build());
             Engine seeing = new LlmEngine(TestConfigs.openAi(provider).vision(true).build())) {
            blind.decide(withShot);
            seeing.decide(withShot);
        }
        assertThat(provider.received().get(0).body()).doesNotContain("image_url");
        JsonNode content = provider.received().get(1).json().path("messages").get(1).path("content");
        assertThat(content.isArray()).isTrue();
        assertThat(content.get(1).path("type").asText()).isEqualTo("image_url");
        assertThat(content.get(1).path("image_url").path("url").asText()).startsWith("data:image/png;base64,");
    }

    @Test
    void textOnlyModelGetsNoScreenshotsEvenWithVisionOn() {
        DecideRequest withShot = new DecideRequest("Sign in", null, null, Map.of(), Map.of(), Pages.login(),
                List.of(new byte[]{1, 2, 3}), List.of(), false, null);
        provider.answer("{\"actions\": [{\"action_type\": \"click\", \"id\": \"e4\"}]}");
        try (Engine engine = new LlmEngine(TestConfigs.openAi(provider).model("gpt-3.5-turbo").vision(true).build())) {
            engine.decide(withShot);
        }
        assertThat(provider.last().body()).doesNotContain("image_url");
        assertThat(provider.last().json().path("messages").get(1).path("content").isTextual()).isTrue();
    }
}
