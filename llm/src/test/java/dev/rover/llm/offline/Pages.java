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

    /**
     * The page as a browser leaves it after the decision's field actions: typed values, chosen
     * options and checkbox states applied, so that the engine's read-back sees what was done.
     */
    static PageSnapshot applied(PageSnapshot page, Decision decision) {
        java.util.Map<String, Element> byId = new java.util.LinkedHashMap<>();
        page.elements().forEach(e -> byId.put(e.id(), e));
        for (BrowserAction a : actions(decision)) {
            if (a instanceof BrowserAction.InputText t && byId.containsKey(t.target().elementId())) {
                Element e = byId.get(t.target().elementId());
                byId.put(e.id(), copy(e, t.text(), e.state(), e.options()));
            } else if (a instanceof BrowserAction.SelectOption s && byId.containsKey(s.target().elementId())) {
                Element e = byId.get(s.target().elementId());
                List<dev.rover.core.page.SelectOption> options = e.options().stream().map(o -> new dev.rover.core.page.SelectOption(
                        o.label(), o.value(), o.index(), o.label().equals(s.label()))).toList();
                byId.put(e.id(), copy(e, s.value() == null ? s.label() : s.value(), e.state(), options));
            } else if (a instanceof BrowserAction.Checkbox c && byId.containsKey(c.target().elementId())) {
                Element e = byId.get(c.target().elementId());
                byId.put(e.id(), copy(e, e.value(), e.state().withChecked(c.checked()), e.options()));
            }
        }
        return new PageSnapshot(page.url(), page.title(), List.copyOf(byId.values()), page.content(), "", page.tabs(), page.takenAt());
    }

    private static Element copy(Element e, String value, dev.rover.core.page.ElementState state, List<dev.rover.core.page.SelectOption> options) {
        return new Element(e.id(), e.tag(), e.role(), e.name(), e.text(), e.attributes(), value, state, options, e.frame(), e.box(),
                e.inViewport(), e.context());
    }

    static List<BrowserAction> actions(Decision decision) {
        return decision.actions().stream().map(PlannedAction::action).toList();
    }
}
