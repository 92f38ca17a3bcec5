package dev.rover.llm.cua;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.core.engine.ActionRecord;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.Engine;
import dev.rover.core.engine.EngineException;
import dev.rover.core.engine.ExtractRequest;
import dev.rover.core.engine.Extraction;
import dev.rover.core.engine.GoalState;
import dev.rover.core.engine.LlmCallListener;
import dev.rover.core.engine.RunScope;
import dev.rover.core.engine.UsageMeter;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.PageContent;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.page.Screen;
import dev.rover.core.page.ScreenPoint;
import dev.rover.llm.usage.PriceTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.rover.llm.cua.CuaTestSupport.FAST;
import static dev.rover.llm.cua.CuaTestSupport.performed;
import static dev.rover.llm.cua.CuaTestSupport.png;
import static dev.rover.llm.cua.CuaTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** anthropic_cua against a fake Messages API: the request shape, the tool_use/tool_result loop and its failure modes. */
class AnthropicComputerUseTest {

    private final FakeCuaServer server = new FakeCuaServer();
    private final UsageMeter meter = UsageMeter.unlimited();
    private final List<String> prompts = new ArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    private Engine engine() {
        CuaSettings settings = CuaSettings.of(CuaKind.ANTHROPIC, server.root(), "sk-ant-test").withResilience(FAST)
                .withPrices(PriceTable.EMPTY.with("claude-sonnet-4-5", 3, 15));
        return ComputerUseEngine.create(settings).forRun(new RunScope(meter, new LlmCallListener() {
            @Override
            public void onPrompt(String kind, String text) {
                prompts.add(kind + ":" + text);
            }

            @Override
            public void onResponse(String kind, String text) {
            }
        }, null));
    }

    private static String toolUse(String id, String input) {
        return "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"stop_reason\":\"tool_use\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"I will click the button.\"},"
                + "{\"type\":\"tool_use\",\"id\":\"" + id + "\",\"name\":\"computer\",\"input\":" + input + "}],"
                + "\"usage\":{\"input_tokens\":1000,\"output_tokens\":50}}";
    }

    private static String text(String text) {
        return "{\"id\":\"msg_2\",\"type\":\"message\",\"role\":\"assistant\",\"stop_reason\":\"end_turn\",\"content\":["
                + "{\"type\":\"text\",\"text\":\"" + text + "\"}],\"usage\":{\"input_tokens\":1200,\"output_tokens\":20}}";
    }

    @Test
    void declaresTheToolWithTheScreenshotSizeAndAnswersEachToolUseWithAScreenshot() {
        byte[] first = png(1280, 720);
        server.reply(toolUse("toolu_01", "{\"action\":\"left_click\",\"coordinate\":[640,360]}")).reply(text("DONE: clicked it"));
        Engine engine = engine();

        Decision decision = engine.decide(request("Click the pink button", first, List.of()));

        JsonNode sent = server.last().json();
        assertThat(server.last().path()).isEqualTo("/v1/messages");
        assertThat(server.last().header("x-api-key")).isEqualTo("sk-ant-test");
        assertThat(server.last().header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(server.last().header("anthropic-beta")).isEqualTo("computer-use-2025-01-24");
        JsonNode tool = sent.path("tools").get(0);
        assertThat(tool.path("type").asText()).isEqualTo("computer_20250124");
        assertThat(tool.path("name").asText()).isEqualTo("computer");
        assertThat(tool.path("display_width_px").asInt()).isEqualTo(1280);
        assertThat(tool.path("display_height_px").asInt()).isEqualTo(720);
        assertThat(sent.path("model").asText()).isEqualTo("claude-sonnet-4-5");
        JsonNode content = sent.path("messages").get(0).path("content");
        assertThat(content.get(0).path("text").asText()).contains("Goal: Click the pink button").contains("DONE:");
        JsonNode source = content.get(1).path("source");
        assertThat(source.path("type").asText()).isEqualTo("base64");
        assertThat(source.path("media_type").asText()).isEqualTo("image/png");
        assertThat(Base64.getDecoder().decode(source.path("data").asText())).isEqualTo(first);

        assertThat(decision.state()).isEqualTo(GoalState.CONTINUE);
        assertThat(decision.actions()).singleElement().extracting(a -> a.action())
                .isEqualTo(new BrowserAction.ClickAt(new ScreenPoint(640, 360), "left", 1, new Screen(1280, 720)));
        assertThat(decision.usage().inputTokens()).isEqualTo(1000);
        assertThat(decision.usage().cost()).isEqualByComparingTo(new BigDecimal("0.00375"));

        byte[] second = png(1280, 720);
        List<ActionRecord> history = performed(List.of(), 1, decision);
        Decision done = engine.decide(request("Click the pink button", second, history));

        JsonNode messages = server.last().json().path("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(1).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(1).path("content").get(1).path("id").asText()).isEqualTo("toolu_01");
        JsonNode result = messages.get(2).path("content").get(0);
        assertThat(result.path("type").asText()).isEqualTo("tool_result");
        assertThat(result.path("tool_use_id").asText()).isEqualTo("toolu_01");
        assertThat(result.has("is_error")).isFalse();
        assertThat(Base64.getDecoder().decode(result.path("content").get(0).path("source").path("data").asText())).isEqualTo(second);
        assertThat(done.state()).isEqualTo(GoalState.COMPLETE);
        assertThat(done.reasoning()).isEqualTo("DONE: clicked it");
        assertThat(meter.runUsage().calls()).isEqualTo(2);
        assertThat(prompts).hasSize(2).allMatch(p -> p.contains("[image, ") && !p.contains("iVBOR"));
    }

    @Test
    void mapsTheActionSetAndReportsAFailedActionAsAnErrorResult() {
        server.reply("{\"content\":[{\"type\":\"tool_use\",\"id\":\"a\",\"name\":\"computer\",\"input\":{\"action\":\"triple_click\",\"coordinate\":[10,20]}},"
                + "{\"type\":\"tool_use\",\"id\":\"b\",\"name\":\"computer\",\"input\":{\"action\":\"type\",\"text\":\"hello\"}},"
                + "{\"type\":\"tool_use\",\"id\":\"c\",\"name\":\"computer\",\"input\":{\"action\":\"key\",\"text\":\"ctrl+Return\"}},"
                + "{\"type\":\"tool_use\",\"id\":\"d\",\"name\":\"computer\",\"input\":{\"action\":\"scroll\",\"coordinate\":[5,6],\"scroll_direction\":\"down\",\"scroll_amount\":2}},"
                + "{\"type\":\"tool_use\",\"id\":\"e\",\"name\":\"computer\",\"input\":{\"action\":\"left_click_drag\",\"start_coordinate\":[1,2],\"coordinate\":[30,40]}},"
                + "{\"type\":\"tool_use\",\"id\":\"f\",\"name\":\"computer\",\"input\":{\"action\":\"mouse_move\",\"coordinate\":[7,8]}},"
                + "{\"type\":\"tool_use\",\"id\":\"g\",\"name\":\"computer\",\"input\":{\"action\":\"wait\",\"duration\":2}}],"
                + "\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}").reply(text("IMPOSSIBLE: [LOCKED] the account is locked"));
        Engine engine = engine();
        Screen screen = new Screen(100, 100);
        Decision d = engine.decide(request("Do things", png(100, 100), List.of()));

        assertThat(d.actions()).extracting(a -> a.action()).containsExactly(
                new BrowserAction.ClickAt(new ScreenPoint(10, 20), "left", 3, screen),
                new BrowserAction.TypeText("hello"),
                new BrowserAction.Keypress(null, List.of("Control+Enter")),
                new BrowserAction.ScrollAt(new ScreenPoint(5, 6), 0, 200, screen),
                new BrowserAction.DragPath(List.of(new ScreenPoint(1, 2), new ScreenPoint(30, 40)), screen),
                new BrowserAction.MoveTo(new ScreenPoint(7, 8), screen),
                new BrowserAction.Wait(2));

        List<ActionRecord> history = performed(List.of(), 1, d, ActionResult.ok(), ActionResult.failed("element is covered"));
        Decision end = engine.decide(request("Do things", png(100, 100), history, Map.of("LOCKED", "the account is locked")));

        JsonNode results = server.last().json().path("messages").get(2).path("content");
        assertThat(results).hasSize(7);
        assertThat(results.get(0).has("is_error")).isFalse();
        assertThat(results.get(1).path("is_error").asBoolean()).isTrue();
        assertThat(results.get(1).path("content").get(0).path("text").asText()).isEqualTo("failed: element is covered");
        assertThat(results.get(2).path("content").get(0).path("text").asText()).startsWith("not performed");
        assertThat(results).allMatch(r -> r.path("content").get(r.path("content").size() - 1).path("type").asText().equals("image"));
        assertThat(end.state()).isEqualTo(GoalState.TERMINATE);
        assertThat(end.errorCodes()).containsExactly("LOCKED");
    }

    @Test
    void retriesRateLimitsWithRetryAfterAndReAsksAnInvalidActionOnce() {
        server.fail(429, Map.of("Retry-After", "0"), "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\"}}")
                .fail(529, Map.of(), "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\"}}")
                .reply(toolUse("bad", "{\"action\":\"left_click\",\"coordinate\":[5000,10]}"))
                .reply(toolUse("good", "{\"action\":\"double_click\",\"coordinate\":[50,10]}"));
        Engine engine = engine();

        Decision d = engine.decide(request("Click", png(100, 100), List.of()));

        assertThat(server.received).hasSize(4);
        JsonNode correction = server.last().json().path("messages").get(2).path("content").get(0);
        assertThat(correction.path("tool_use_id").asText()).isEqualTo("bad");
        assertThat(correction.path("is_error").asBoolean()).isTrue();
        assertThat(correction.path("content").get(0).path("text").asText()).contains("outside the 100x100 screen");
        assertThat(d.actions()).singleElement().extracting(a -> ((BrowserAction.ClickAt) a.action()).count()).isEqualTo(2);
        assertThat(d.usage().calls()).isEqualTo(2);
        assertThat(prompts).extracting(p -> p.substring(0, p.indexOf(':'))).containsExactly("decide", "decide_correction");
    }

    @Test
    void anInvalidActionTwiceFailsTheDecisionAndAFailedCallLeavesTheConversationAsItWas() {
        server.reply(toolUse("x", "{\"action\":\"zoom\"}")).reply(toolUse("y", "{\"action\":\"hold_key\",\"text\":\"a\"}"));
        Engine engine = engine();
        assertThatThrownBy(() -> engine.decide(request("Click", png(100, 100), List.of())))
                .isInstanceOf(EngineException.class).hasMessageContaining("invalid action twice").hasMessageContaining("hold_key");

        server.fail(400, Map.of(), "{\"type\":\"error\",\"error\":{\"message\":\"bad request\"}}");
        assertThatThrownBy(() -> engine.decide(request("Click", png(100, 100), List.of())))
                .isInstanceOf(EngineException.class).hasMessageContaining("HTTP 400");
        assertThat(server.received).hasSize(3);
    }

    @Test
    void extractsFromThePageTextAndTheFinalScreenshotWithOneCorrection() throws Exception {
        server.reply(text("no json here")).reply("{\"content\":[{\"type\":\"text\",\"text\":\"{\\\"data\\\": {\\\"total\\\": 42}}\"}],"
                + "\"usage\":{\"input_tokens\":5,\"output_tokens\":5}}");
        Engine engine = engine();
        JsonNode schema = dev.rover.core.json.Json.mapper().readTree("{\"type\":\"object\",\"required\":[\"total\"]}");
        Extraction e = engine.extract(new ExtractRequest("the total", schema, PageSnapshot.of("http://x/", "Cart", List.of(),
                PageContent.EMPTY), Map.of(), List.of(png(10, 10)), null));

        assertThat(e.data().path("total").asInt()).isEqualTo(42);
        assertThat(server.received.get(0).json().path("tools").isMissingNode()).isTrue();
        assertThat(server.received.get(0).json().path("messages").get(0).path("content").get(1).path("type").asText()).isEqualTo("image");
        assertThat(server.last().json().toString()).contains("could not be used");
    }

    @Test
    void aModelPerTaskIsTheModelSent() {
        server.reply(text("DONE: ok"));
        engine().forModel("claude-opus-4-1").decide(request("Look", png(10, 10), List.of()));
        assertThat(server.last().json().path("model").asText()).isEqualTo("claude-opus-4-1");
    }
}
