package dev.rover.llm.offline;

import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Element;
import dev.rover.core.page.ElementState;
import dev.rover.core.page.PageContent;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.page.SelectOption;
import dev.rover.core.page.Target;
import dev.rover.core.engine.ActionRecord;
import dev.rover.core.engine.DecideRequest;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.GoalState;
import dev.rover.core.engine.Usage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.rover.llm.offline.Pages.actions;
import static dev.rover.llm.offline.Pages.applied;
import static dev.rover.llm.offline.Pages.button;
import static dev.rover.llm.offline.Pages.input;
import static dev.rover.llm.offline.Pages.link;
import static dev.rover.llm.offline.Pages.page;
import static dev.rover.llm.offline.Pages.performed;
import static dev.rover.llm.offline.Pages.request;
import static org.assertj.core.api.Assertions.assertThat;

class OfflineDecideTest {

    private final OfflineEngine engine = new OfflineEngine();

    private static final String FILTER_GOAL = "Filter orders between 2024-01-01 and 2024-03-31.\nClick the Filter button.\n"
            + "COMPLETE when filtered results are visible.";

    private static PageSnapshot ordersPage(boolean withResults) {
        PageContent content = withResults
                ? new PageContent("Orders", List.of(), List.of(new PageContent.Table("Orders", List.of("Order #", "Total"),
                List.of(List.of("A-1", "$10.00")))), List.of())
                : PageContent.EMPTY;
        return PageSnapshot.of("https://shop.test/orders", "Orders", List.of(
                link("l1", "Home", "/"),
                input("f1", "From date"), input("f2", "To date"),
                button("b1", "Filter")), content);
    }

    @Test
    void engineIsNamedOfflineAndCostsNothing() {
        Decision d = engine.decide(request(FILTER_GOAL, ordersPage(false), List.of()));
        assertThat(engine.name()).isEqualTo("offline");
        assertThat(d.usage()).isEqualTo(Usage.ZERO);
    }

    @Test
    void fillsTheRangeThenClicksFilterOnceTheValuesReadBackThenCompletesWhenResultsShow() {
        Decision first = engine.decide(request(FILTER_GOAL, ordersPage(false), List.of()));
        assertThat(first.state()).isEqualTo(GoalState.CONTINUE);
        assertThat(actions(first)).containsExactly(
                new BrowserAction.InputText(Target.id("f1"), "2024-01-01"),
                new BrowserAction.InputText(Target.id("f2"), "2024-03-31"));

        List<ActionRecord> history = performed(List.of(), first, 1);
        Decision second = engine.decide(request(FILTER_GOAL, applied(ordersPage(false), first), history));
        assertThat(actions(second)).containsExactly(new BrowserAction.Click(Target.id("b1")));

        history = performed(history, second, 2);
        Decision third = engine.decide(request(FILTER_GOAL, ordersPage(true), history));
        assertThat(third.state()).isEqualTo(GoalState.COMPLETE);
        assertThat(third.reasoning()).contains("a table with rows is on the page");
    }

    @Test
    void aValueThePageDoesNotShowEndsTheBlockNotCompletedNamingTheInstruction() {
        Decision first = engine.decide(request(FILTER_GOAL, ordersPage(false), List.of()));
        List<ActionRecord> history = performed(List.of(), first, 1);
        Decision second = engine.decide(request(FILTER_GOAL, ordersPage(false), history));
        assertThat(second.state()).isEqualTo(GoalState.TERMINATE);
        assertThat(second.reasoning()).contains("Instruction 1 (\"Filter orders between 2024-01-01 and 2024-03-31\")")
                .contains("\"From date\" reads \"\" where \"2024-01-01\" was typed").contains("not completed");
    }

    @Test
    void waitsForTheCompleteCriterionThenTerminatesWithoutProgress() {
        Decision typing = engine.decide(request(FILTER_GOAL, ordersPage(false), List.of()));
        List<ActionRecord> history = performed(List.of(), typing, 1);
        PageSnapshot filled = applied(ordersPage(false), typing);
        history = performed(history, engine.decide(request(FILTER_GOAL, filled, history)), 2);
        Decision wait1 = engine.decide(request(FILTER_GOAL, filled, history));
        assertThat(actions(wait1)).singleElement().isInstanceOf(BrowserAction.Wait.class);
        history = performed(history, wait1, 3);
        Decision wait2 = engine.decide(request(FILTER_GOAL, filled, history));
        assertThat(actions(wait2)).singleElement().isInstanceOf(BrowserAction.Wait.class);
        history = performed(history, wait2, 4);
        Decision last = engine.decide(request(FILTER_GOAL, filled, history));
        assertThat(last.state()).isEqualTo(GoalState.TERMINATE);
        assertThat(last.reasoning()).contains("filtered results are visible").contains("no table with rows");
    }

    @Test
    void multiStepGoalUsesHistoryAndStopsTheBatchAfterALink() {
        String goal = "Click \"Orders\". Enter \"A-1\" into Search, then press Enter.";
        PageSnapshot home = page("https://shop.test/", link("h1", "Orders", "/orders"), input("h2", "Newsletter email"));
        Decision one = engine.decide(request(goal, home, List.of()));
        assertThat(actions(one)).containsExactly(new BrowserAction.Click(Target.id("h1")));

        PageSnapshot orders = page("https://shop.test/orders", input("o1", "Search orders"), button("o2", "Export"));
        List<ActionRecord> history = performed(List.of(), one, 1);
        Decision two = engine.decide(request(goal, orders, history));
        assertThat(actions(two)).containsExactly(new BrowserAction.InputText(Target.id("o1"), "A-1"));

        history = performed(history, two, 2);
        orders = applied(orders, two);
        Decision three = engine.decide(request(goal, orders, history));
        assertThat(actions(three)).containsExactly(new BrowserAction.Keypress(Target.id("o1"), List.of("Enter")));

        history = performed(history, three, 3);
        Decision four = engine.decide(request(goal, orders, history));
        assertThat(four.state()).isEqualTo(GoalState.COMPLETE);
    }

    @Test
    void aFailedActionIsRetriedNotSkipped() {
        String goal = "Click \"Export\"";
        PageSnapshot p = page("https://shop.test/orders", button("e1", "Export"));
        Decision one = engine.decide(request(goal, p, List.of()));
        List<ActionRecord> failed = List.of(new ActionRecord(1, one.actions().get(0).action(), one.actions().get(0).reasoning(),
                ActionResult.failed("element e1 is covered by a dialog")));
        Decision two = engine.decide(request(goal, p, failed));
        assertThat(actions(two)).containsExactly(new BrowserAction.Click(Target.id("e1")));
    }

    @Test
    void missingTargetAfterNavigationWaitsOnceThenTerminatesWithClosestLabels() {
        String goal = "Click \"Orders\". Click \"Download invoice\".";
        Decision one = engine.decide(request(goal, page("https://shop.test/", link("h1", "Orders", "/orders")), List.of()));
        List<ActionRecord> history = performed(List.of(), one, 1);
        PageSnapshot orders = page("https://shop.test/orders", button("x1", "Download receipt"), button("x2", "Print"), link("x3", "Help", "/h"));

        Decision wait = engine.decide(request(goal, orders, history));
        assertThat(actions(wait)).singleElement().isInstanceOf(BrowserAction.Wait.class);
        history = performed(history, wait, 2);

        Decision stop = engine.decide(request(goal, orders, history));
        assertThat(stop.state()).isEqualTo(GoalState.TERMINATE);
        assertThat(stop.reasoning()).contains("Click \"Download invoice\"").contains("\"Download invoice\"")
                .contains("Closest labels on the page: \"Download receipt\"").contains("ROVER_LLM_PROVIDER");
    }

    @Test
    void neverGuessesWhenNoLabelMatches() {
        PageSnapshot p = page("https://shop.test/account", button("s1", "Save"), button("s2", "Cancel"), input("s3", "Nickname"));
        Decision d = engine.decide(request("Click the \"Delete account\" button", p, List.of()));
        assertThat(d.state()).isEqualTo(GoalState.TERMINATE);
        assertThat(d.actions()).isEmpty();
        assertThat(d.reasoning()).contains("Delete account").contains("Save").contains("Cancel")
                .contains("ROVER_LLM_MODEL").contains("OPENAI_API_KEY").contains("ANTHROPIC_API_KEY");

        Decision similar = engine.decide(request("Click \"Cancel order\"", page("https://shop.test/o", button("c1", "Submit order")), List.of()));
        assertThat(similar.state()).isEqualTo(GoalState.TERMINATE);
    }

    @Test
    void anUnknownSentenceTerminatesQuotingIt() {
        Decision d = engine.decide(request("Click \"Flights\". Book the cheapest flight to Paris.",
                page("https://air.test/", link("f", "Flights", "/f")), List.of()));
        assertThat(d.state()).isEqualTo(GoalState.TERMINATE);
        assertThat(d.actions()).isEmpty();
        assertThat(d.reasoning()).contains("\"Book the cheapest flight to Paris\"").contains("ROVER_LLM_PROVIDER")
                .contains("ROVER_LLM_MODEL");
    }

    @Test
    void selectsChecksAndSubmitsTheFormOfTheLastTypedField() {
        Element country = Element.builder("c1", "select").role("combobox").name("Country")
                .options(List.of(new SelectOption("Canada", "CA", 0, false), new SelectOption("France", "FR", 1, false))).build();
        Element terms = Element.builder("t1", "input").role("checkbox").name("I accept the terms").attribute("type", "checkbox").build();
        Element search = Element.builder("q1", "input").name("Search site").attribute("type", "search").build();
        Element searchGo = Element.builder("q2", "button").text("Go").attribute("type", "submit").build();
        Element nameField = input("n1", "Full name");
        Element save = Element.builder("n2", "button").text("Save profile").attribute("type", "submit").build();
        PageSnapshot p = page("https://shop.test/profile", search, searchGo, nameField, country, terms, save);

        String goal = "Fill Full name with \u2018Ann Lee\u2019; select \u201CFrance\u201D from Country; check the terms; submit the form.";
        Decision d = engine.decide(request(goal, p, List.of()));
        assertThat(actions(d)).containsExactly(
                new BrowserAction.InputText(Target.id("n1"), "Ann Lee"),
                new BrowserAction.SelectOption(Target.id("c1"), "France", "FR", 1),
                new BrowserAction.Checkbox(Target.id("t1"), true));
        Decision submit = engine.decide(request(goal, applied(p, d), performed(List.of(), d, 1)));
        assertThat(actions(submit)).containsExactly(new BrowserAction.Click(Target.id("n2")));
    }

    @Test
    void unknownSelectOptionTerminatesListingTheOptions() {
        Element country = Element.builder("c1", "select").name("Country")
                .options(List.of(new SelectOption("Canada", "CA", 0, false))).build();
        Decision d = engine.decide(request("Select \"Mars\" from Country", page("https://x.test/", country), List.of()));
        assertThat(d.state()).isEqualTo(GoalState.TERMINATE);
        assertThat(d.reasoning()).contains("Mars").contains("Canada");
    }

    @Test
    void fillsLabelValuePairsResolvedAgainstThePage() {
        String goal = "Fill first name Ann, last name Lee, email ann@lee.test, then click Continue.";
        PageSnapshot p = page("https://form.test/", input("a", "First name"), input("b", "Last name"),
                Element.builder("c", "input").name("Email").attribute("type", "email").build(), button("d", "Continue"));
        Decision d = engine.decide(request(goal, p, List.of()));
        assertThat(actions(d)).containsExactly(
                new BrowserAction.InputText(Target.id("a"), "Ann"),
                new BrowserAction.InputText(Target.id("b"), "Lee"),
                new BrowserAction.InputText(Target.id("c"), "ann@lee.test"));
        Decision click = engine.decide(request(goal, applied(p, d), performed(List.of(), d, 1)));
        assertThat(actions(click)).containsExactly(new BrowserAction.Click(Target.id("d")));
    }

    @Test
    void acceptsCookieBannersOnlyWhenPresent() {
        String goal = "Handle any cookie consent popups. Click \"Pricing\".";
        PageSnapshot banner = page("https://x.test/", "We use cookies to improve your experience.",
                button("k1", "Accept all"), link("p1", "Pricing", "/pricing"));
        Decision d = engine.decide(request(goal, banner, List.of()));
        assertThat(actions(d)).containsExactly(new BrowserAction.Click(Target.id("k1")));

        PageSnapshot plain = page("https://x.test/", "Welcome", button("k1", "Accept all"), link("p1", "Pricing", "/pricing"));
        assertThat(actions(engine.decide(request(goal, plain, List.of())))).containsExactly(new BrowserAction.Click(Target.id("p1")));
    }

    @Test
    void goToScrollAndWaitForms() {
        Decision d = engine.decide(request("Go to example.com/start", page("about:blank"), List.of()));
        assertThat(actions(d)).containsExactly(new BrowserAction.GotoUrl("https://example.com/start"));
        Decision s = engine.decide(request("Scroll down and then wait 2 seconds", page("https://x.test/"), List.of()));
        assertThat(actions(s)).containsExactly(new BrowserAction.Scroll(null, "down", 800), new BrowserAction.Wait(2));
    }

    @Test
    void singleActionBlocksGetOneAction() {
        DecideRequest r = new DecideRequest(FILTER_GOAL, null, null, Map.of(), Map.of(), ordersPage(false), List.of(), List.of(), true, null);
        assertThat(engine.decide(r).actions()).hasSize(1);
    }

    @Test
    void prefersVisibleEnabledElementsAndFieldsOverTheirLabelsText() {
        Element hidden = Element.builder("z1", "button").text("Next").inViewport(false).state(ElementState.NONE.withDisabled(true)).build();
        Element shown = button("z2", "Next");
        Decision d = engine.decide(request("Click Next", page("https://x.test/", hidden, shown), List.of()));
        assertThat(actions(d)).containsExactly(new BrowserAction.Click(Target.id("z2")));
    }

    @Test
    void terminateCriterionStopsTheRunWithMatchingCodes() {
        DecideRequest r = new DecideRequest("Click \"Orders\". TERMINATE if \"Access denied\" is visible.", null, null,
                Map.of("ACCESS_DENIED", "the site says access is denied", "OTHER", "something else"), Map.of(),
                page("https://x.test/", "Access denied for this account", link("o", "Orders", "/o")), List.of(), List.of(), false, null);
        Decision d = engine.decide(r);
        assertThat(d.state()).isEqualTo(GoalState.TERMINATE);
        assertThat(d.errorCodes()).containsExactly("ACCESS_DENIED");
    }

    @Test
    void oddGoalsNeverThrowAndAlwaysExplainThemselves() {
        PageSnapshot p = page("https://x.test/", button("a", "OK"), input("b", "Name"));
        List<String> goals = java.util.Arrays.asList(null, "", "   ", "Click", "Click \"\"", "type into", "\u00a73\u00a7 click \u00a799999999999\u00a7",
                "Enter \"x\" into", "COMPLETE when", "TERMINATE", "wait 0 seconds", "Select from", "check that", ".;.;", "\"unterminated quote",
                "Click OK".repeat(500), "Cliquez sur \u00ab OK \u00bb", "then then then");
        for (String goal : goals) {
            Decision d = engine.decide(request(goal, p, List.of()));
            assertThat(d.reasoning()).as(String.valueOf(goal)).isNotBlank();
            assertThat(d.state() == GoalState.CONTINUE ? d.actions() : List.of(1)).as(String.valueOf(goal)).isNotEmpty();
        }
        Decision noPage = engine.decide(new DecideRequest("Click OK", null, null, Map.of(), Map.of(), null, List.of(), List.of(), false, null));
        assertThat(noPage.state()).isEqualTo(GoalState.TERMINATE);
    }

    @Test
    void historyWithoutTagsIsMatchedToTheInstructions() {
        String goal = "Click \"Orders\". Enter \"A-1\" into Search, then press Enter.";
        PageSnapshot orders = page("https://shop.test/orders", input("o1", "Search orders"));
        List<ActionRecord> foreign = List.of(
                new ActionRecord(1, new BrowserAction.Click(Target.id("x9")), "clicked the orders link", ActionResult.ok()),
                new ActionRecord(2, new BrowserAction.InputText(Target.id("o1"), "A-1"), "", ActionResult.ok()));
        Decision d = engine.decide(request(goal, orders, foreign));
        assertThat(actions(d)).containsExactly(new BrowserAction.Keypress(Target.id("o1"), List.of("Enter")));
    }

    @Test
    void aMissingTargetReportsTheErrorCodesThatDescribeIt() {
        Map<String, String> codes = Map.of(
                "failed_to_find_order_history_page", "return this error if you can't find the order history page on the website",
                "no_orders_found_after_start_date", "return this error if there are no orders after the specified start date");
        DecideRequest r = new DecideRequest("Find the order history page.", null, null, codes, Map.of(),
                page("https://shop.test/", link("a", "Pricing", "/pricing")), List.of(), List.of(), false, null);
        Decision d = engine.decide(r);
        assertThat(d.state()).isEqualTo(GoalState.TERMINATE);
        assertThat(d.errorCodes()).containsExactly("failed_to_find_order_history_page");
    }
}
