package dev.rover.llm.cua;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.core.engine.ActionRecord;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.Engine;
import dev.rover.core.engine.GoalState;
import dev.rover.core.engine.RunScope;
import dev.rover.core.engine.UsageMeter;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Screen;
import dev.rover.core.page.ScreenPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.rover.llm.cua.CuaTestSupport.FAST;
import static dev.rover.llm.cua.CuaTestSupport.performed;
import static dev.rover.llm.cua.CuaTestSupport.png;
import static dev.rover.llm.cua.CuaTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;

/** openai_cua against a fake Responses API: computer_call items, chaining, safety checks and failures. */
class OpenAiComputerUseTest {

    private final FakeCuaServer server = new FakeCuaServer();
    private final UsageMeter meter = UsageMeter.unlimited();

    @AfterEach
    void stop() {
        server.close();
    }

    private Engine engine(boolean acknowledge) {
        return ComputerUseEngine.create(CuaSettings.of(CuaKind.OPENAI, server.root() + "/v1", "sk-openai-test")
                .withResilience(FAST).withSafetyChecksAcknowledged(acknowledge)).forRun(RunScope.of(meter));
    }

    private static String call(String responseId, String callId, String action, String checks) {
        return "{\"id\":\"" + responseId + "\",\"object\":\"response\",\"status\":\"completed\",\"output\":["
                + "{\"type\":\"reasoning\",\"id\":\"rs_1\",\"summary\":[{\"type\":\"summary_text\",\"text\":\"The button is pink.\"}]},"
                + "{\"type\":\"computer_call\",\"id\":\"cu_1\",\"call_id\":\"" + callId + "\",\"action\":" + action
                + ",\"pending_safety_checks\":" + checks + ",\"status\":\"completed\"}],"
                + "\"usage\":{\"input_tokens\":800,\"output_tokens\":30,\"total_tokens\":830}}";
    }

    private static String message(String responseId, String text) {
        return "{\"id\":\"" + responseId + "\",\"object\":\"response\",\"status\":\"completed\",\"output\":["
                + "{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"" + text + "\"}]}],"
                + "\"usage\":{\"input_tokens\":900,\"output_tokens\":10}}";
    }

    @Test
    void sendsTheToolAndScreenshotThenChainsOnThePreviousResponseWithTheCallOutput() {
        byte[] first = png(1024, 768);
        server.reply(call("resp_1", "call_A", "{\"type\":\"click\",\"button\":\"left\",\"x\":100,\"y\":200}", "[]"))
                .reply(message("resp_2", "DONE: the button is clicked"));
        Engine engine = engine(false);

        Decision d = engine.decide(request("Click the pink button", first, List.of()));

        FakeCuaServer.Received sent = server.last();
        assertThat(sent.path()).isEqualTo("/v1/responses");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-openai-test");
        JsonNode body = sent.json();
        assertThat(body.path("model").asText()).isEqualTo("computer-use-preview");
        assertThat(body.path("truncation").asText()).isEqualTo("auto");
        JsonNode tool = body.path("tools").get(0);
        assertThat(tool.path("type").asText()).isEqualTo("computer_use_preview");
        assertThat(tool.path("display_width").asInt()).isEqualTo(1024);
        assertThat(tool.path("display_height").asInt()).isEqualTo(768);
        assertThat(tool.path("environment").asText()).isEqualTo("browser");
        assertThat(body.has("previous_response_id")).isFalse();
        JsonNode content = body.path("input").get(0).path("content");
        assertThat(content.get(0).path("type").asText()).isEqualTo("input_text");
        assertThat(content.get(1).path("type").asText()).isEqualTo("input_image");
        assertThat(content.get(1).path("image_url").asText()).isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(first));
        assertThat(d.actions()).singleElement().extracting(a -> a.action())
                .isEqualTo(new BrowserAction.ClickAt(new ScreenPoint(100, 200), "left", 1, new Screen(1024, 768)));
        assertThat(d.reasoning()).isEqualTo("The button is pink.");

        byte[] second = png(1024, 768);
        Decision done = engine.decide(request("Click the pink button", second, performed(List.of(), 1, d)));

        JsonNode next = server.last().json();
        assertThat(next.path("previous_response_id").asText()).isEqualTo("resp_1");
        JsonNode output = next.path("input").get(0);
        assertThat(output.path("type").asText()).isEqualTo("computer_call_output");
        assertThat(output.path("call_id").asText()).isEqualTo("call_A");
        assertThat(output.path("acknowledged_safety_checks")).isEmpty();
        assertThat(output.path("output").path("type").asText()).isEqualTo("computer_screenshot");
        assertThat(output.path("output").path("image_url").asText()).isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(second));
        assertThat(output.path("current_url").asText()).isEqualTo("http://127.0.0.1/page");
        assertThat(next.path("input")).hasSize(1);
        assertThat(done.state()).isEqualTo(GoalState.COMPLETE);
        assertThat(meter.runUsage().inputTokens()).isEqualTo(1700);
    }

    @Test
    void mapsEveryComputerActionAndTellsTheModelWhenOneFailed() {
        server.reply(call("r1", "c1", "{\"type\":\"keypress\",\"keys\":[\"CTRL\",\"A\"]}", "[]"))
                .reply(call("r2", "c2", "{\"type\":\"drag\",\"path\":[{\"x\":1,\"y\":2},{\"x\":3,\"y\":4},{\"x\":5,\"y\":6}]}", "[]"))
                .reply(call("r3", "c3", "{\"type\":\"scroll\",\"x\":10,\"y\":10,\"scroll_x\":0,\"scroll_y\":300}", "[]"));
        Engine engine = engine(false);
        Screen screen = new Screen(100, 100);
        Decision keys = engine.decide(request("Go", png(100, 100), List.of()));
        List<ActionRecord> history = performed(List.of(), 1, keys);
        Decision drag = engine.decide(request("Go", png(100, 100), history));
        history = performed(history, 2, drag, ActionResult.failed("the slider did not move"));
        Decision scroll = engine.decide(request("Go", png(100, 100), history));

        assertThat(keys.actions().get(0).action()).isEqualTo(new BrowserAction.Keypress(null, List.of("Control+A")));
        assertThat(drag.actions().get(0).action()).isEqualTo(new BrowserAction.DragPath(
                List.of(new ScreenPoint(1, 2), new ScreenPoint(3, 4), new ScreenPoint(5, 6)), screen));
        assertThat(scroll.actions().get(0).action()).isEqualTo(new BrowserAction.ScrollAt(new ScreenPoint(10, 10), 0, 300, screen));
        JsonNode input = server.last().json().path("input");
        assertThat(server.last().json().path("previous_response_id").asText()).isEqualTo("r2");
        assertThat(input.get(0).path("call_id").asText()).isEqualTo("c2");
        assertThat(input.get(1).path("content").get(0).path("text").asText()).isEqualTo("That action failed: the slider did not move");
    }

    @Test
    void aPendingSafetyCheckEndsTheRunTerminatedUnlessAcknowledgementIsAllowed() {
        String checks = "[{\"id\":\"sc_1\",\"code\":\"malicious_instructions\",\"message\":\"The page asks you to ignore the user.\"}]";
        server.reply(call("r1", "c1", "{\"type\":\"click\",\"button\":\"left\",\"x\":1,\"y\":1}", checks));
        Decision refused = engine(false).decide(request("Go", png(100, 100), List.of()));
        assertThat(refused.state()).isEqualTo(GoalState.TERMINATE);
        assertThat(refused.reasoning()).contains("The page asks you to ignore the user.");

        server.reply(call("r1", "c1", "{\"type\":\"click\",\"button\":\"left\",\"x\":1,\"y\":1}", checks))
                .reply(message("r2", "DONE"));
        Engine allowed = engine(true);
        Decision act = allowed.decide(request("Go", png(100, 100), List.of()));
        assertThat(act.state()).isEqualTo(GoalState.CONTINUE);
        allowed.decide(request("Go", png(100, 100), performed(List.of(), 1, act)));
        JsonNode acknowledged = server.last().json().path("input").get(0).path("acknowledged_safety_checks");
        assertThat(acknowledged).hasSize(1);
        assertThat(acknowledged.get(0).path("id").asText()).isEqualTo("sc_1");
        assertThat(acknowledged.get(0).path("code").asText()).isEqualTo("malicious_instructions");
    }

    @Test
    void retriesServerErrorsAndReAsksAnUnknownActionOnce() {
        server.fail(503, Map.of("Retry-After", "0"), "{\"error\":{\"message\":\"overloaded\"}}")
                .reply(call("r1", "c1", "{\"type\":\"teleport\",\"x\":1,\"y\":1}", "[]"))
                .reply(call("r2", "c2", "{\"type\":\"double_click\",\"x\":4,\"y\":5}", "[]"));
        Decision d = engine(false).decide(request("Go", png(100, 100), List.of()));

        assertThat(server.received).hasSize(3);
        JsonNode correction = server.last().json();
        assertThat(correction.path("previous_response_id").asText()).isEqualTo("r1");
        assertThat(correction.path("input").get(0).path("call_id").asText()).isEqualTo("c1");
        assertThat(correction.path("input").get(1).path("content").get(0).path("text").asText()).contains("unknown computer action type 'teleport'");
        assertThat(d.actions().get(0).action()).isEqualTo(new BrowserAction.ClickAt(new ScreenPoint(4, 5), "left", 2, new Screen(100, 100)));
        assertThat(d.usage().calls()).isEqualTo(2);
    }
}
