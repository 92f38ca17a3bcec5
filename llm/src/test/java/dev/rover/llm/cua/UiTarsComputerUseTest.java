package dev.rover.llm.cua;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.Engine;
import dev.rover.core.engine.EngineException;
import dev.rover.core.engine.GoalState;
import dev.rover.core.engine.RunScope;
import dev.rover.core.engine.UsageMeter;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ui_tars against a fake OpenAI-compatible chat server: prompt, grammar, coordinates and failures. */
class UiTarsComputerUseTest {

    private final FakeCuaServer server = new FakeCuaServer();
    private final UsageMeter meter = UsageMeter.unlimited();

    @AfterEach
    void stop() {
        server.close();
    }

    private Engine engine(CuaSettings.UiTarsCoordinates convention) {
        return ComputerUseEngine.create(CuaSettings.of(CuaKind.UI_TARS, server.root() + "/v1", null).withResilience(FAST)
                .withUiTarsCoordinates(convention)).forRun(RunScope.of(meter));
    }

    private static String answer(String text) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":" + dev.rover.core.json.Json.compact(text) + "},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":1500,\"completion_tokens\":40,\"total_tokens\":1540}}";
    }

    @Test
    void sendsItsPromptAndScreenshotAndReadsAbsolutePixelsOfTheResizedImage() {
        byte[] shot = png(1280, 720);
        server.reply(answer("Thought: The pink button is in the middle.\nAction: click(start_box='<|box_start|>(644,364)<|box_end|>')"))
                .reply(answer("Thought: It is clicked.\nAction: finished(content='Clicked the button')"));
        Engine engine = engine(CuaSettings.UiTarsCoordinates.ABSOLUTE);

        Decision d = engine.decide(request("Click the pink button", shot, List.of()));

        FakeCuaServer.Received sent = server.last();
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header("Authorization")).isNull();
        JsonNode messages = sent.json().path("messages");
        assertThat(messages.get(0).path("content").asText()).startsWith("You are a GUI agent.")
                .contains("click(start_box='<|box_start|>(x1,y1)<|box_end|>')").contains("finished(content='xxx')")
                .contains("## User Instruction\nGoal: Click the pink button");
        assertThat(messages.get(1).path("content").get(0).path("image_url").path("url").asText())
                .isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(shot));
        // 1280x720 is resized to 1288x728 (multiples of 28): (644,364) there is (640,360) on the screenshot
        assertThat(d.actions().get(0).action()).isEqualTo(new BrowserAction.ClickAt(new ScreenPoint(640, 360), "left", 1, new Screen(1280, 720)));
        assertThat(d.reasoning()).isEqualTo("The pink button is in the middle.");

        Decision done = engine.decide(request("Click the pink button", png(1280, 720), performed(List.of(), 1, d)));
        JsonNode history = server.last().json().path("messages");
        assertThat(history).hasSize(4);
        assertThat(history.get(2).path("role").asText()).isEqualTo("assistant");
        assertThat(history.get(2).path("content").asText()).contains("Action: click(");
        assertThat(done.state()).isEqualTo(GoalState.COMPLETE);
        assertThat(done.reasoning()).isEqualTo("Clicked the button");
        assertThat(meter.runUsage().inputTokens()).isEqualTo(3000);
    }

    @Test
    void readsTheWholeGrammarInThousandthsForOlderModels() {
        server.reply(answer("Thought: a\nAction: left_double(start_box='[100,100,300,300]')"))
                .reply(answer("Thought: b\nAction: type(content='Jane O\\'Hara\\n')"))
                .reply(answer("Thought: c\nAction: hotkey(key='ctrl a')"))
                .reply(answer("Thought: d\nAction: scroll(start_box='(500,500)', direction='down')"))
                .reply(answer("Thought: e\nAction: drag(start_box='(0,0)', end_box='(999,999)')"))
                .reply(answer("Thought: f\nAction: wait()"))
                .reply(answer("Thought: I need the user.\nAction: call_user()"));
        Engine engine = engine(CuaSettings.UiTarsCoordinates.RELATIVE_1000);
        Screen screen = new Screen(200, 100);
        var history = new java.util.ArrayList<dev.rover.core.engine.ActionRecord>();
        List<BrowserAction> actions = new java.util.ArrayList<>();
        Decision last = null;
        for (int step = 1; step <= 7; step++) {
            last = engine.decide(request("Fill", png(200, 100), history));
            if (!last.actions().isEmpty()) {
                actions.add(last.actions().get(0).action());
                history = new java.util.ArrayList<>(performed(history, step, last));
            }
        }
        assertThat(actions).containsExactly(
                new BrowserAction.ClickAt(new ScreenPoint(40, 20), "left", 2, screen),
                new BrowserAction.TypeText("Jane O'Hara\n"),
                new BrowserAction.Keypress(null, List.of("Control+a")),
                new BrowserAction.ScrollAt(new ScreenPoint(100, 50), 0, 50, screen),
                new BrowserAction.DragPath(List.of(new ScreenPoint(0, 0), new ScreenPoint(199, 99)), screen),
                new BrowserAction.Wait(5));
        assertThat(last.state()).isEqualTo(GoalState.TERMINATE);
        assertThat(last.reasoning()).contains("I need the user.");
    }

    @Test
    void reAsksAnUnreadableAnswerOnceAndRetriesServerErrors() {
        server.fail(502, Map.of(), "bad gateway").reply(answer("I think I should click somewhere"))
                .reply(answer("Thought: ok\nAction: click(start_box='(10,10)')"));
        Decision d = engine(CuaSettings.UiTarsCoordinates.ABSOLUTE).decide(request("Go", png(280, 280), List.of()));

        assertThat(server.received).hasSize(3);
        JsonNode messages = server.last().json().path("messages");
        assertThat(messages.get(messages.size() - 1).path("content").asText()).contains("no \"Action:\" line");
        assertThat(d.actions()).hasSize(1);

        server.reply(answer("Action: fly()")).reply(answer("Action: fly(to='moon')"));
        assertThatThrownBy(() -> engine(CuaSettings.UiTarsCoordinates.ABSOLUTE).decide(request("Go", png(280, 280), List.of())))
                .isInstanceOf(EngineException.class).hasMessageContaining("unreadable action twice").hasMessageContaining("'fly'");
    }
}
