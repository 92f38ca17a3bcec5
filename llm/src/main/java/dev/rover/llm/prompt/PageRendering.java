package dev.rover.llm.prompt;

import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Element;
import dev.rover.core.page.PageContent;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.page.SelectOption;
import dev.rover.core.page.Tab;
import dev.rover.core.engine.ActionRecord;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the parts of a page and a run that go into prompts as compact text: elements (the
 * observer's prompt text when it has one), tabs, readable content and the action history.
 */
public final class PageRendering {

    private static final int MAX_VISIBLE_TEXT = 6000;
    private static final List<String> LEADING_ATTRIBUTES = List.of("type", "name", "placeholder", "href");
    private static final java.util.Set<String> VOID_TAGS = java.util.Set.of("input", "img", "br", "hr", "area");

    private PageRendering() {
    }

    /** The element list: the snapshot's prompt text, or an HTML-like line per element when it has none. */
    public static String elements(PageSnapshot page) {
        if (!page.promptText().isBlank()) {
            return page.promptText();
        }
        if (page.elements().isEmpty()) {
            return "(no interactable elements)";
        }
        return page.elements().stream().map(PageRendering::element).collect(Collectors.joining("\n"));
    }

    static String element(Element e) {
        StringBuilder sb = new StringBuilder("<").append(e.tag()).append(" id=\"").append(e.id()).append('"');
        if (!e.role().isBlank() && !e.role().equals(e.tag())) {
            attr(sb, "role", e.role());
        }
        e.attributes().entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> a) -> attributeRank(a.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .forEach(a -> attr(sb, a.getKey(), a.getValue()));
        if (!e.name().isBlank() && !e.name().equals(e.text()) && !e.attributes().containsValue(e.name())) {
            attr(sb, "aria-label", e.name());
        }
        if (!e.value().isBlank()) {
            attr(sb, "value", e.value());
        }
        if (e.state().checked()) {
            sb.append(" checked");
        }
        if (e.state().disabled()) {
            sb.append(" disabled");
        }
        if (e.state().required()) {
            sb.append(" required");
        }
        sb.append('>');
        for (SelectOption o : e.options()) {
            sb.append("<option index=\"").append(o.index()).append("\" value=\"").append(o.value()).append('"')
                    .append(o.selected() ? " selected" : "").append('>').append(o.label()).append("</option>");
        }
        if (!VOID_TAGS.contains(e.tag()) || !e.text().isBlank()) {
            sb.append(e.text()).append("</").append(e.tag()).append('>');
        }
        if (!e.context().isBlank()) {
            sb.append("  <!-- ").append(e.context()).append(" -->");
        }
        return sb.toString();
    }

    /** Type, name and placeholder first, as a person would write the tag; the rest alphabetically. */
    private static int attributeRank(String name) {
        int rank = LEADING_ATTRIBUTES.indexOf(name);
        return rank < 0 ? LEADING_ATTRIBUTES.size() : rank;
    }

    private static void attr(StringBuilder sb, String name, String value) {
        sb.append(' ').append(name).append("=\"").append(value.replace("\"", "&quot;")).append('"');
    }

    /** One line per open tab, the current one marked. */
    public static String tabs(List<Tab> tabs) {
        return tabs.stream()
                .map(t -> "tab " + t.index() + ": " + t.title() + " (" + t.url() + ")" + (t.active() ? " <- current" : ""))
                .collect(Collectors.joining("\n"));
    }

    /** The page's readable content: element list aside, headings, label/value pairs, tables and visible text. */
    public static String content(PageSnapshot page) {
        PageContent c = page.content();
        StringBuilder sb = new StringBuilder();
        if (!c.headings().isEmpty()) {
            sb.append("Headings:\n");
            c.headings().forEach(h -> sb.append("#".repeat(Math.max(1, h.level()))).append(' ').append(h.text()).append('\n'));
        }
        if (!c.labeledValues().isEmpty()) {
            sb.append("Labelled values:\n");
            c.labeledValues().forEach(lv -> sb.append("- ").append(lv.label()).append(": ").append(lv.value()).append('\n'));
        }
        for (PageContent.Table t : c.tables()) {
            sb.append("Table").append(t.caption().isBlank() ? "" : " \"" + t.caption() + "\"").append(":\n");
            sb.append("| ").append(String.join(" | ", t.headers())).append(" |\n");
            t.rows().forEach(r -> sb.append("| ").append(String.join(" | ", r)).append(" |\n"));
        }
        if (!c.visibleText().isBlank()) {
            String text = c.visibleText();
            sb.append("Visible text:\n").append(text.length() > MAX_VISIBLE_TEXT ? text.substring(0, MAX_VISIBLE_TEXT) + "..." : text);
        }
        if (sb.length() == 0) {
            sb.append(page.promptText().isBlank() ? "(the page shows no readable content)" : page.promptText());
        }
        return sb.toString().strip();
    }

    /** One line per earlier action: step, what was done, why, and how it went. */
    public static String history(List<ActionRecord> history) {
        return history.stream().map(r -> "step " + r.step() + ": " + describe(r.action())
                        + (r.reasoning() == null || r.reasoning().isBlank() ? "" : " (" + r.reasoning() + ")")
                        + " -> " + (r.result() == null ? "not run" : r.result().success() ? "ok" : "FAILED: " + r.result().failureReason()))
                .collect(Collectors.joining("\n"));
    }

    /** An action in the words of the answer schema. */
    public static String describe(BrowserAction action) {
        if (action instanceof BrowserAction.InputText a) {
            return "input_text " + a.target() + " \"" + a.text() + "\"";
        }
        if (action instanceof BrowserAction.SelectOption a) {
            return "select_option " + a.target() + " "
                    + (a.label() != null ? "\"" + a.label() + "\"" : a.value() != null ? "value " + a.value() : "index " + a.index());
        }
        if (action instanceof BrowserAction.Checkbox a) {
            return "checkbox " + a.target() + (a.checked() ? " checked" : " unchecked");
        }
        if (action instanceof BrowserAction.UploadFile a) {
            return "upload_file " + a.target() + " " + a.file();
        }
        if (action instanceof BrowserAction.ElementAction a) {
            return a.actionType() + " " + a.target();
        }
        if (action instanceof BrowserAction.Keypress a) {
            return "keypress " + String.join("+", a.keys()) + (a.target() == null ? "" : " on " + a.target());
        }
        if (action instanceof BrowserAction.Scroll a) {
            return "scroll " + a.direction() + " " + a.pixels() + "px";
        }
        if (action instanceof BrowserAction.Wait a) {
            return "wait " + a.seconds() + "s";
        }
        if (action instanceof BrowserAction.GotoUrl a) {
            return "goto_url " + a.url();
        }
        if (action instanceof BrowserAction.NewTab a) {
            return "new_tab" + (a.url() == null ? "" : " " + a.url());
        }
        if (action instanceof BrowserAction.SwitchTab a) {
            return "switch_tab " + a.index();
        }
        return action.actionType();
    }
}
