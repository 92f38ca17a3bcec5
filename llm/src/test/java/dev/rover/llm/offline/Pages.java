package dev.rover.llm.offline;

import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Element;
import dev.rover.core.page.PageContent;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.engine.ActionRecord;
import dev.rover.core.engine.DecideRequest;
import dev.rover.core.engine.Decision;
import dev.rover.core.engine.PlannedAction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builders for the pages and requests the offline engine tests decide on. */
final class Pages {

    private Pages() {
    }

    static Element input(String id, String label) {
        return Element.builder(id, "input").role("textbox").name(label).attribute("type", "text").build();
    }

    static Element button(String id, String text) {
        return Element.builder(id, "button").role("button").name(text).text(text).build();
    }

    static Element link(String id, String text, String href) {
        return Element.builder(id, "a").role("link").name(text).text(text).attribute("href", href).build();
    }

    static PageSnapshot page(String url, Element... elements) {
        return PageSnapshot.of(url, "", List.of(elements), PageContent.EMPTY);
    }

    static PageSnapshot page(String url, String visibleText, Element... elements) {
        return PageSnapshot.of(url, "", List.of(elements), new PageContent(visibleText, List.of(), List.of(), List.of()));
    }

    static DecideRequest request(String goal, PageSnapshot page, List<ActionRecord> history) {
        return new DecideRequest(goal, null, null, Map.of(), Map.of(), page, List.of(), history, false, null);
    }

    static DecideRequest request(String goal, PageSnapshot page, List<ActionRecord> history, Map<String, Object> userDetails,
                                 Map<String, String> errorCodes) {
        return new DecideRequest(goal, null, null, errorCodes, userDetails, page, List.of(), history, false, null);
    }

    /** The history after performing every action of the decision successfully as step {@code step}. */
    static List<ActionRecord> performed(List<ActionRecord> history, Decision decision, int step) {
        List<ActionRecord> out = new ArrayList<>(history);
        for (PlannedAction a : decision.actions()) {
            out.add(new ActionRecord(step, a.action(), a.reasoning(), ActionResult.ok()));
        }
        return out;
    }

    static List<BrowserAction> actions(Decision decision) {
        return decision.actions().stream().map(PlannedAction::action).toList();
    }
}
