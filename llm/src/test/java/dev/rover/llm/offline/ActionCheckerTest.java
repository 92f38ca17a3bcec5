package dev.rover.llm.offline;

import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Element;
import dev.rover.core.page.ElementState;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.page.SelectOption;
import dev.rover.core.page.Target;
import dev.rover.core.engine.ActionRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rover.llm.offline.Pages.page;
import static org.assertj.core.api.Assertions.assertThat;

/** Reading back, on the next observation, what the last step did. */
class ActionCheckerTest {

    private static ActionRecord record(int step, int instruction, BrowserAction action) {
        return new ActionRecord(step, action, HistoryProgress.tag(instruction, 3) + ": test", ActionResult.ok());
    }

    private static Element field(String value) {
        return Element.builder("n", "input").role("textbox").name("Full name").attribute("type", "text").value(value).build();
    }

    private final List<Instruction> instructions = GoalParser.parse(
            "Fill in Full name with John Smith. Choose Germany as the country. Tick the newsletter box").instructions();

    @Test
    void aValueThatReadsBackAsTypedConfirmsTheInstruction() {
        List<ActionRecord> history = List.of(record(1, 1, new BrowserAction.InputText(Target.id("n"), "John Smith")));
        assertThat(ActionChecker.check(history, instructions, page("https://x.test/", field("John Smith")))).isEmpty();
        assertThat(ActionChecker.check(history, instructions, page("https://x.test/", field("John Smith and Email with j@x.io"))))
                .hasValueSatisfying(s -> assertThat(s).contains("Instruction 1 (\"Fill in Full name with John Smith\")")
                        .contains("\"Full name\" reads \"John Smith and Email with j@x.io\" where \"John Smith\" was typed")
                        .contains("not completed"));
        assertThat(ActionChecker.check(history, instructions, page("https://x.test/")))
                .hasValueSatisfying(s -> assertThat(s).contains("no longer on the page"));
    }

    @Test
    void optionsAndCheckboxesAreReadBackToo() {
        Element country = Element.builder("c", "select").name("Country").options(List.of(new SelectOption("France", "FR", 0, true),
                new SelectOption("Germany", "DE", 1, false))).build();
        Element news = Element.builder("k", "input").name("newsletter").attribute("type", "checkbox").build();
        List<ActionRecord> history = List.of(
                record(2, 2, new BrowserAction.SelectOption(Target.id("c"), "Germany", "DE", 1)),
                record(2, 3, new BrowserAction.Checkbox(Target.id("k"), true)));
        assertThat(ActionChecker.check(history, instructions, page("https://x.test/", country, news)))
                .hasValueSatisfying(s -> assertThat(s).contains("\"Country\" shows \"France\" where \"Germany\" was chosen"));
        Element germany = Element.builder("c", "select").name("Country").options(List.of(new SelectOption("France", "FR", 0, false),
                new SelectOption("Germany", "DE", 1, true))).build();
        assertThat(ActionChecker.check(history, instructions, page("https://x.test/", germany, news)))
                .hasValueSatisfying(s -> assertThat(s).contains("Instruction 3").contains("\"newsletter\" is not checked"));
        Element ticked = Element.builder("k", "input").name("newsletter").attribute("type", "checkbox")
                .state(ElementState.NONE.withChecked(true)).build();
        assertThat(ActionChecker.check(history, instructions, page("https://x.test/", germany, ticked))).isEmpty();
    }

    @Test
    void focusExpansionAndEarlierStepsAreJudgedAsTheyShouldBe() {
        List<Instruction> focus = GoalParser.parse("Focus the Email field. Expand \"Advanced\"").instructions();
        Element email = Element.builder("e", "input").name("Email").attribute("type", "email").build();
        Element toggle = Element.builder("t", "button").name("Advanced").attribute("aria-expanded", "false").build();
        List<ActionRecord> history = List.of(
                new ActionRecord(1, new BrowserAction.Click(Target.id("e")), HistoryProgress.tag(1, 2) + ": focus", ActionResult.ok()),
                new ActionRecord(2, new BrowserAction.Click(Target.id("t")), HistoryProgress.tag(2, 2) + ": expand", ActionResult.ok()));
        assertThat(ActionChecker.check(history, focus, page("https://x.test/", email, toggle)))
                .as("only the last step is read back; step 1 was judged on the page after it")
                .hasValueSatisfying(s -> assertThat(s).contains("\"Advanced\" is still collapsed"));
        Element focused = Element.builder("e", "input").name("Email").attribute("type", "email").attribute("focused", "true").build();
        assertThat(ActionChecker.check(history.subList(0, 1), focus, page("https://x.test/", focused, toggle))).isEmpty();
        assertThat(ActionChecker.check(history.subList(0, 1), focus, page("https://x.test/", email, toggle)))
                .hasValueSatisfying(s -> assertThat(s).contains("the focus is not in \"Email\""));
    }
}
