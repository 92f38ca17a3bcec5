package dev.rover.llm.offline;

import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Element;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.page.SelectOption;
import dev.rover.core.page.Target;
import dev.rover.core.engine.ActionRecord;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.GoalState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.rover.llm.offline.Pages.actions;
import static dev.rover.llm.offline.Pages.applied;
import static dev.rover.llm.offline.Pages.button;
import static dev.rover.llm.offline.Pages.input;
import static dev.rover.llm.offline.Pages.page;
import static dev.rover.llm.offline.Pages.performed;
import static dev.rover.llm.offline.Pages.request;
import static org.assertj.core.api.Assertions.assertThat;

/** The sentences of issue 12 through the planner: the right data, checked before completing, or a refusal. */
class OfflineIssuePhrasingsTest {

    private final OfflineEngine engine = new OfflineEngine();

    private static PageSnapshot contact() {
        Element country = Element.builder("c", "select").role("combobox").name("Country").options(List.of(
                new SelectOption("Choose...", "", 0, true), new SelectOption("France", "FR", 1, false),
                new SelectOption("Germany", "DE", 2, false))).build();
        Element news = Element.builder("k", "input").role("checkbox").name("Send me the newsletter").attribute("type", "checkbox").build();
        return page("https://x.test/contact", input("n", "Full name"),
                Element.builder("e", "input").role("textbox").name("Email").attribute("type", "email").build(), country, news,
                Element.builder("s", "button").role("button").name("Submit").text("Submit").attribute("type", "submit").build());
    }

    /** Runs the goal to its end, applying field actions to the page as a browser would; returns every decision. */
    private List<Decision> run(String goal, PageSnapshot start) {
        List<Decision> decisions = new ArrayList<>();
        List<ActionRecord> history = List.of();
        PageSnapshot p = start;
        for (int step = 1; step <= 8; step++) {
            Decision d = engine.decide(request(goal, p, history));
            decisions.add(d);
            if (d.state() != GoalState.CONTINUE) {
                break;
            }
            history = performed(history, d, step);
            p = applied(p, d);
        }
        return decisions;
    }

    @Test
    void fillWithTwoPairsThenSubmitTypesEachValueIntoItsOwnField() {
        List<Decision> ds = run("Fill in Full name with John Smith and Email with john@example.com, then click Submit", contact());
        assertThat(actions(ds.get(0))).containsExactly(new BrowserAction.InputText(Target.id("n"), "John Smith"),
                new BrowserAction.InputText(Target.id("e"), "john@example.com"));
        assertThat(actions(ds.get(1))).containsExactly(new BrowserAction.Click(Target.id("s")));
        assertThat(ds).hasSize(3);
        assertThat(ds.get(2).state()).isEqualTo(GoalState.COMPLETE);
        assertThat(ds.get(2).reasoning()).contains("All 3 instructions of the goal are done");
    }

    @Test
    void setToWithAListOfInstructionsDoesEveryOneAndSubmits() {
        List<Decision> ds = run("Set Full name to John Smith and Email to john@example.com, choose Germany as the country, "
                + "tick the newsletter box and click Submit", contact());
        assertThat(actions(ds.get(0))).containsExactly(new BrowserAction.InputText(Target.id("n"), "John Smith"),
                new BrowserAction.InputText(Target.id("e"), "john@example.com"),
                new BrowserAction.SelectOption(Target.id("c"), "Germany", "DE", 2), new BrowserAction.Checkbox(Target.id("k"), true));
        assertThat(actions(ds.get(1))).containsExactly(new BrowserAction.Click(Target.id("s")));
        assertThat(ds.get(ds.size() - 1).state()).isEqualTo(GoalState.COMPLETE);
        assertThat(ds.get(ds.size() - 1).reasoning()).contains("All 5 instructions");
    }

    @Test
    void whatTheIssueSawRefusedIsNowUnderstood() {
        PageSnapshot hello = page("https://x.test/", input("w", "Your name"), button("b", "Send"));
        assertThat(actions(engine.decide(request("Put \"Marta\" into the text box and click Send", hello, List.of()))))
                .containsExactly(new BrowserAction.InputText(Target.id("w"), "Marta"));
        PageSnapshot login = page("https://x.test/login", input("u", "User name"),
                Element.builder("p", "input").role("textbox").name("Password").attribute("type", "password").build(), button("b", "Sign in"));
        assertThat(actions(engine.decide(request("type the user name \"ana\" and the password \"x9\" into the fields and press Sign in",
                login, List.of())))).containsExactly(new BrowserAction.InputText(Target.id("u"), "ana"), new BrowserAction.InputText(Target.id("p"), "x9"));
        assertThat(actions(engine.decide(request("Type \"marta\" in capitals into the text box", hello, List.of()))))
                .containsExactly(new BrowserAction.InputText(Target.id("w"), "MARTA"));
        Element date = Element.builder("d", "input").name("Date").attribute("type", "date").build();
        assertThat(actions(engine.decide(request("Enter March 5, 2024 as the date", page("https://x.test/", date), List.of()))))
                .containsExactly(new BrowserAction.InputText(Target.id("d"), "2024-03-05"));
        Element close = Element.builder("x", "button").role("button").name("Close").text("\u00d7").attribute("dialog", "Offer").build();
        assertThat(actions(engine.decide(request("Close the dialog by its close mark", page("https://x.test/", button("h", "Help"), close), List.of()))))
                .containsExactly(new BrowserAction.Click(Target.id("x")));
        Element summary = Element.builder("m", "summary").role("button").name("Shipping").text("Shipping").build();
        assertThat(actions(engine.decide(request("Open the Shipping section", page("https://x.test/", summary), List.of()))))
                .containsExactly(new BrowserAction.Click(Target.id("m")));
        Element email = Element.builder("e", "input").role("textbox").name("Email").attribute("type", "email").build();
        assertThat(actions(engine.decide(request("Focus the Email field", page("https://x.test/", input("n", "Name"), email), List.of()))))
                .containsExactly(new BrowserAction.Click(Target.id("e")));
    }

    @Test
    void twoEquallyGoodMatchesAreRefusedNamingBoth() {
        PageSnapshot twins = page("https://x.test/", button("g1", "Go"), button("g2", "Go"));
        Decision d = engine.decide(request("Click Go", twins, List.of()));
        assertThat(d.state()).isEqualTo(GoalState.TERMINATE);
        assertThat(d.reasoning()).contains("Instruction 1 (\"Click Go\")").contains("2 elements match \"Go\" equally well")
                .contains("\"Go\" (g1)").contains("\"Go\" (g2)").contains("does not guess");
    }
}
