package dev.rover.blocks.types;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rover.blocks.fakes.FakeBrowser;
import dev.rover.blocks.fakes.Pages;
import dev.rover.blocks.fakes.PlaceholderSecrets;
import dev.rover.core.json.Json;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Target;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunError;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.TimelineEntry;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.Extraction;
import dev.rover.core.engine.PlannedAction;
import dev.rover.core.engine.Usage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.rover.blocks.types.BlockHarness.block;
import static dev.rover.blocks.types.BlockHarness.json;
import static dev.rover.blocks.types.BlockHarness.v1;
import static dev.rover.blocks.types.BlockHarness.workflow;
import static org.assertj.core.api.Assertions.assertThat;

class AiBlocksTest {

    static final Usage CALL = new Usage(1, 50, 5, new BigDecimal("0.002"));
    static final String PASSWORD = "Tr0ub4dor&3-secret";
    static final String PLACEHOLDER = "{{ SECRET_PW_1 }}";

    private final BlockHarness h = new BlockHarness(new FakeBrowser(Pages.page("https://shop.test/login", "Sign in"),
            Pages.page("https://shop.test/orders", "Orders"), Pages.page("https://shop.test/done", "Done")));

    @AfterEach
    void close() {
        h.close();
    }

    static Decision act(BrowserAction... actions) {
        return Decision.act(java.util.Arrays.stream(actions).map(a -> new PlannedAction(a, "do " + a.actionType())).toList(),
                "next move", CALL);
    }

    static BrowserAction click(String id) {
        return new BrowserAction.Click(Target.id(id));
    }

    static Extraction data(String json) {
        try {
            return new Extraction(Json.mapper().readTree(json), "read it", CALL);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void navigationRecordsStepsUsageAndANestedTimelineOnTheRun() {
        h.engine.decide(act(click("a1"), click("a3")), Decision.complete("on the orders page", CALL));

        Run run = h.run(v1(block("navigation", "nav", "url", "https://shop.test/login", "navigation_goal", "Open the orders",
                "complete_verification", false)));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.stepCount()).isEqualTo(2);
        assertThat(run.usage().llmCalls()).isEqualTo(2);
        assertThat(run.usage().inputTokens()).isEqualTo(100);
        assertThat(run.usage().cost()).isEqualByComparingTo("0.004");
        assertThat(h.browser.navigations).containsExactly("https://shop.test/login");
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) ((Map<String, Object>) run.output()).get("nav_output");
        assertThat(out).containsEntry("status", "completed").containsEntry("steps", 2);

        TimelineEntry blockEntry = h.timeline(run).get(0);
        assertThat(blockEntry.type()).isEqualTo(TimelineEntry.Type.BLOCK);
        assertThat(blockEntry.label()).isEqualTo("nav");
        assertThat(blockEntry.children()).extracting(TimelineEntry::type).containsOnly(TimelineEntry.Type.STEP).hasSize(2);
        TimelineEntry step1 = blockEntry.children().get(0);
        assertThat(step1.children()).extracting(TimelineEntry::type)
                .containsExactly(TimelineEntry.Type.THOUGHT, TimelineEntry.Type.ACTION, TimelineEntry.Type.ACTION);
        assertThat(step1.children().get(0).reasoning()).isEqualTo("next move");
        List<String> screenshotIds = h.artifacts.ofType(ArtifactType.SCREENSHOT_ACTION).stream().map(r -> r.id()).toList();
        // one screenshot per step, after its last action
        assertThat(step1.children().get(1).artifactIds()).isEmpty();
        assertThat(step1.children().get(2).artifactIds()).singleElement().isIn(screenshotIds);
    }

    @Test
    void terminateEndsTheRunTerminatedWithItsErrorCodes() {
        h.engine.decide(Decision.terminate("the account is locked", List.of("ACCOUNT_LOCKED"), CALL));

        Run run = h.run(v1(block("navigation", "nav", "navigation_goal", "Open the orders",
                "error_code_mapping", Map.of("ACCOUNT_LOCKED", "the page says the account is locked")),
                block("goto_url", "after", "url", "https://x.test/")));

        assertThat(run.status()).isEqualTo(RunStatus.TERMINATED);
        assertThat(run.errors()).containsExactly(new RunError("ACCOUNT_LOCKED", "the account is locked", "nav"));
        assertThat(run.failureReason()).contains("the account is locked");
        assertThat(h.engine.decideRequests.get(0).errorCodeMapping()).containsKey("ACCOUNT_LOCKED");
        assertThat(h.browser.navigations).isEmpty();
    }

    @Test
    void maxStepsFailsTheRunWithASummary() {
        h.engine.otherwise(r -> act(click("a" + (r.history().size() % 3 + 1))));
        h.engine.verify();

        Run run = h.run(v1(block("navigation", "nav", "navigation_goal", "Loop forever", "max_steps_per_run", 2,
                "complete_verification", false)));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason()).contains("max_steps (2)");
        assertThat(run.stepCount()).isEqualTo(2);
    }

    @Test
    void maxRetriesRunsAFailedAgentAgain() {
        h.browser.script(ActionResult.failed("element a1 vanished"));
        h.engine.decide(act(click("a1")), Decision.complete("made it", CALL));

        Run run = h.run(v1(block("navigation", "nav", "navigation_goal", "Open", "max_steps_per_run", 1, "max_retries", 1)));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.stepCount()).isEqualTo(2);
        assertThat(h.engine.decideRequests).hasSize(2);
    }

    @Test
    void loginWithoutACredentialFailsEarlyWithoutTouchingTheBrowser() {
        Run run = h.run(workflow(1, List.of(json("other")), block("login", "login", "url", "https://shop.test/login",
                "parameter_keys", List.of("other"))), Map.of("other", Map.of("name", "x")));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason()).contains("login block 'login' has no credential").contains("parameter_keys");
        assertThat(h.browserRequests).hasValue(0);
        assertThat(h.engine.decideRequests).isEmpty();
    }

    @Test
    void loginTypesTheSecretOnlyInTheBrowserAndRecordsItNowhere() {
        h.secrets = new PlaceholderSecrets(PLACEHOLDER, PASSWORD);
        h.browser.script(ActionResult.ok(), ActionResult.ok(), ActionResult.failed("wrong password " + PASSWORD));
        h.engine.decide(act(new BrowserAction.InputText(Target.id("a1"), "alice"), new BrowserAction.InputText(Target.id("a2"), PLACEHOLDER)),
                act(click("a3")),
                Decision.terminate("the password " + PLACEHOLDER + " was refused", List.of("BAD_LOGIN"), CALL));

        Run run = h.run(workflow(1, List.of(json("cred")), block("login", "login", "parameter_keys", List.of("cred"),
                "complete_verification", false)), Map.of("cred", Map.of("username", "alice", "password", PLACEHOLDER)));

        assertThat(run.status()).isEqualTo(RunStatus.TERMINATED);
        assertThat(h.browser.typed).containsExactly("alice", PASSWORD);
        assertThat(h.engine.decideRequests.get(0).goal()).isEqualTo(LoginBlock.DEFAULT_GOAL);
        assertThat(h.engine.decideRequests.get(0).userDetails()).containsEntry("cred", Map.of("username", "alice", "password", PLACEHOLDER));
        assertThat(String.valueOf(h.engine.decideRequests)).doesNotContain(PASSWORD);
        String recorded = Json.compact(run) + Json.compact(h.timeline(run)) + Json.compact(h.store.artifacts(run.runId(), java.util.Set.of()));
        assertThat(recorded).doesNotContain(PASSWORD).contains(PLACEHOLDER);
        assertThat(h.artifacts.recorded).allSatisfy(a -> assertThat(a.text()).doesNotContain(PASSWORD));
    }

    @Test
    void actionWithASelectorTriesTheSelectorFirst() {
        Run run = h.run(v1(block("action", "act", "selector", "#submit", "navigation_goal", "Submit the form")));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.browser.performed).containsExactly(new BrowserAction.Click(Target.selector("#submit")));
        assertThat(h.engine.decideRequests).isEmpty();
    }

    @Test
    void actionFallsBackToTheEngineWhenTheSelectorFails() {
        h.browser.failSelector("#submit", "no element matches #submit");
        h.engine.decide(act(click("a3")));

        Run run = h.run(v1(block("action", "act", "selector", "#submit", "navigation_goal", "Submit the form")));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.browser.performed).containsExactly(new BrowserAction.Click(Target.selector("#submit")), click("a3"));
        assertThat(h.engine.decideRequests).singleElement().satisfies(r -> assertThat(r.singleAction()).isTrue());
        assertThat(h.engine.verifyRequests).isEmpty();
    }

    @Test
    void proactiveActionAsksTheEngineWithoutTryingTheSelector() {
        h.engine.decide(act(click("a2")));

        Run run = h.run(v1(block("action", "act", "selector", "#submit", "ai_fallback", "proactive", "navigation_goal", "Submit")));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.browser.performed).containsExactly(click("a2"));
    }

    @Test
    void extractionValidatesAShorthandSchemaWithUnknownTypes() {
        h.engine.extract(data("{\"order_id\": \"A-1\", \"link\": \"https://shop.test/o/1\", \"total\": 12.5}"));

        Run run = h.run(v1(block("extraction", "read", "data_extraction_goal", "Read the order",
                "data_schema", Map.of("order_id", Map.of("type", "string"), "link", Map.of("type", "url"),
                        "total", Map.of("type", "number")))));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(((Map<?, ?>) run.output()).get("read_output"))
                .isEqualTo(Map.of("order_id", "A-1", "link", "https://shop.test/o/1", "total", 12.5));
        ObjectNode expected = JsonNodeFactory.instance.objectNode().put("type", "string");
        assertThat(h.engine.extractRequests.get(0).schema().get("properties").get("link")).isEqualTo(expected);
        assertThat(h.engine.extractRequests.get(0).previousError()).isNull();
    }

    @Test
    void extractionReasksOnceWithTheValidationError() {
        h.engine.extract(data("{\"total\": \"twelve\"}"), data("{\"total\": 12}"));

        Run run = h.run(v1(block("extraction", "read", "data_extraction_goal", "Read the total",
                "data_schema", Map.of("type", "object", "properties", Map.of("total", Map.of("type", "number")),
                        "required", List.of("total")))));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.engine.extractRequests).hasSize(2);
        assertThat(h.engine.extractRequests.get(1).previousError()).contains("total").contains("number");
        assertThat(run.usage().llmCalls()).isEqualTo(2);
    }

    @Test
    void extractionFailsAfterASecondInvalidAnswer() {
        h.engine.extract(data("{\"total\": \"twelve\"}"), data("{}"));

        Run run = h.run(v1(block("extraction", "read", "data_extraction_goal", "Read the total",
                "data_schema", Map.of("type", "object", "properties", Map.of("total", Map.of("type", "number")),
                        "required", List.of("total")))));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason()).contains("does not match data_schema").contains("total");
        assertThat(h.engine.extractRequests).hasSize(2);
    }

    @Test
    void taskNavigatesThenExtracts() {
        h.engine.decide(act(click("a3")), Decision.complete("on the orders page", CALL));
        h.engine.extract(data("{\"orders\": [\"A-1\", \"A-2\"]}"));

        Run run = h.run(v1(block("task", "task", "url", "https://shop.test/login", "navigation_goal", "Open orders",
                "data_extraction_goal", "List the order ids", "complete_verification", false,
                "data_schema", Map.of("orders", Map.of("type", "array", "items", Map.of("type", "string"))))));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(((Map<?, ?>) run.output()).get("task_output")).isEqualTo(Map.of("orders", List.of("A-1", "A-2")));
        assertThat(h.engine.decideRequests).hasSize(2);
        assertThat(h.engine.extractRequests).singleElement().satisfies(r -> {
            assertThat(r.goal()).isEqualTo("List the order ids");
            assertThat(r.page().url()).isEqualTo("https://shop.test/orders");
        });
    }

    @Test
    void taskWhoseNavigationFailsDoesNotExtract() {
        h.engine.decide(Decision.terminate("no orders page", List.of(), CALL));

        Run run = h.run(v1(block("task", "task", "navigation_goal", "Open orders", "data_extraction_goal", "List the order ids")));

        assertThat(run.status()).isEqualTo(RunStatus.TERMINATED);
        assertThat(h.engine.extractRequests).isEmpty();
    }

    @Test
    void fileDownloadCompletesOnTheDownload() {
        h.browser.script(FakeBrowser.downloaded("invoice-7.pdf"));
        h.engine.decide(act(click("a3")));

        Run run = h.run(v1(block("file_download", "dl", "navigation_goal", "Download the invoice")));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(((Map<?, ?>) ((Map<?, ?>) run.output()).get("dl_output")).get("downloaded_files")).isEqualTo(List.of("invoice-7.pdf"));
        assertThat(h.engine.verifyRequests).isEmpty();
    }

    @Test
    void navigationWithCompleteOnDownloadCompletesOnTheDownload() {
        h.browser.script(FakeBrowser.downloaded("report.csv"));
        h.engine.decide(act(click("a3")));

        Run run = h.run(v1(block("navigation", "nav", "navigation_goal", "Get the report", "complete_on_download", true)));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(h.engine.verifyRequests).isEmpty();
    }

    @Test
    void aBlockEngineIsPickedByName() {
        var other = new dev.rover.blocks.fakes.ScriptedEngine("other");
        other.decide(Decision.complete("done by other", CALL));
        h.namedEngines.put("other", other);

        Run run = h.run(v1(block("navigation", "nav", "navigation_goal", "Open", "engine", "other")));

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(other.decideRequests).hasSize(1);
        assertThat(h.engine.decideRequests).isEmpty();
    }
}
