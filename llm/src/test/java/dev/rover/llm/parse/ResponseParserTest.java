package dev.rover.llm.parse;

import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.page.Tab;
import dev.rover.core.page.Target;
import dev.rover.core.engine.DecideRequest;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.GoalState;
import dev.rover.core.engine.PlannedAction;
import dev.rover.llm.fake.Pages;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseParserTest {

    private final ResponseParser parser = new ResponseParser();

    private static DecideRequest on(PageSnapshot page, Map<String, String> errorCodes) {
        return new DecideRequest("goal", null, null, errorCodes, Map.of(), page, List.of(), List.of(), false, null);
    }

    private Decision parse(String answer) {
        return parser.parseDecision(answer, on(Pages.login(), Map.of()));
    }

    @Test
    void readsEveryBrowserActionType() {
        PageSnapshot base = Pages.login();
        PageSnapshot page = new PageSnapshot(base.url(), base.title(), base.elements(), base.content(), "",
                List.of(new Tab(0, "a", "A", true), new Tab(1, "b", "B", false)), Instant.now());
        Decision d = parser.parseDecision("""
                {"actions": [
                  {"action_type": "hover", "id": "e4"},
                  {"action_type": "keypress", "key": "Enter", "id": "e2"},
                  {"action_type": "keypress", "keys": ["Control", "A"]},
                  {"action_type": "scroll", "direction": "UP", "pixels": 300},
                  {"action_type": "wait", "seconds": "3"},
                  {"action_type": "goto_url", "url": "http://shop.test/"},
                  {"action_type": "go_back"},
                  {"action_type": "new_tab"},
                  {"action_type": "switch_tab", "tab_index": 1},
                  {"action_type": "upload_file", "id": "e1", "file_url": "https://files.test/cv.pdf"},
                  {"action_type": "checkbox", "id": "e3", "is_checked": false},
                  {"action_type": "solve_captcha"}
                ]}""", on(page, Map.of()));
        assertThat(d.actions()).extracting(PlannedAction::action).containsExactly(
                new BrowserAction.Hover(Target.id("e4")),
                new BrowserAction.Keypress(Target.id("e2"), List.of("Enter")),
                new BrowserAction.Keypress(null, List.of("Control", "A")),
                new BrowserAction.Scroll(null, "up", 300),
                new BrowserAction.Wait(3),
                new BrowserAction.GotoUrl("http://shop.test/"),
                new BrowserAction.GoBack(),
                new BrowserAction.NewTab(null),
                new BrowserAction.SwitchTab(1),
                new BrowserAction.UploadFile(Target.id("e1"), "https://files.test/cv.pdf"),
                new BrowserAction.Checkbox(Target.id("e3"), false),
                new BrowserAction.SolveCaptcha(null));
    }

    @Test
    void goalAchievedWithoutActionsCompletes() {
        Decision d = parse("Looks done: {\"user_goal_achieved\": true, \"action_plan\": \"the account page shows\", \"actions\": []}");
        assertThat(d.state()).isEqualTo(GoalState.COMPLETE);
        assertThat(d.reasoning()).isEqualTo("the account page shows");
    }

    @Test
    void actionsBeforeCompleteAreKept() {
        Decision d = parse("{\"actions\": [{\"action_type\": \"click\", \"id\": \"e4\"}, {\"action_type\": \"complete\", \"reasoning\": \"done\"}]}");
        assertThat(d.state()).isEqualTo(GoalState.COMPLETE);
        assertThat(d.actions()).hasSize(1);
        assertThat(d.reasoning()).isEqualTo("done");
    }

    @Test
    void terminateErrorCodesMustComeFromTheMapping() {
        var request = on(Pages.login(), Map.of("LOCKED", "the account is locked"));
        assertThatThrownBy(() -> parser.parseDecision("{\"actions\": [{\"action_type\": \"terminate\", \"error_code\": \"NOPE\"}]}", request))
                .isInstanceOf(InvalidAnswerException.class)
                .hasMessage("action 1 (terminate): error code \"NOPE\" is not one of LOCKED");
        Decision d = parser.parseDecision("{\"actions\": [{\"action_type\": \"terminate\", \"error_codes\": [\"LOCKED\"]}]}", request);
        assertThat(d.errorCodes()).containsExactly("LOCKED");
    }

    @Test
    void problemsAreListedForEveryBadAction() {
        assertThatThrownBy(() -> parse("""
                {"actions": [{"id": "e1"}, {"action_type": "select_option", "id": "e9", "option": {}},
                             {"action_type": "switch_tab", "tab_index": 4}, {"action_type": "scroll", "direction": "sideways"}, 7]}"""))
                .isInstanceOfSatisfying(InvalidAnswerException.class, e -> assertThat(e.problems()).containsExactly(
                        "action 1: the action has no \"action_type\"",
                        "action 2 (select_option): element id \"e9\" is not on the page; use an id from the element list",
                        "action 2 (select_option): select_option needs an \"option\" with a label, value or index",
                        "action 3 (switch_tab): switch_tab names tab 4, which is not open",
                        "action 4 (scroll): scroll direction must be up, down, left or right, got \"sideways\"",
                        "action 5: must be a JSON object"));
    }

    @Test
    void emptyOrMissingActionsAreInvalid() {
        assertThatThrownBy(() -> parse("{\"user_goal_achieved\": false, \"actions\": []}"))
                .hasMessageContaining("the answer has no actions");
        assertThatThrownBy(() -> parse("")).hasMessage("the answer is empty; answer with one JSON object");
        assertThatThrownBy(() -> parse("{\"actions\": \"click\"}")).hasMessage("\"actions\" must be a list");
    }

    @Test
    void aBareArrayOfActionsIsAccepted() {
        Decision d = parse("[{\"action_type\": \"select_option\", \"id\": \"e1\", \"option\": \"France\"}]");
        assertThat(d.actions().get(0).action()).isEqualTo(new BrowserAction.SelectOption(Target.id("e1"), "France", null, null));
    }
}
