package dev.rover.core.script;

import java.util.List;

/**
 * How a recorded action finds its element again, from the most specific way to the loosest. Every field is
 * optional (empty when the element had none); a replay tries them in the order of {@link #strategies()} and
 * uses the first that matches exactly one element.
 *
 * @param id            the element's {@code id} attribute
 * @param testId        a {@code data-testid} / {@code data-test} / {@code data-qa} attribute
 * @param nameAttribute the {@code name} attribute of a form control
 * @param role          the ARIA role, explicit or implied by the tag
 * @param name          the accessible name (with {@code role})
 * @param label         the text of its {@code <label>}
 * @param placeholder   the {@code placeholder} attribute
 * @param css           a CSS path from the nearest ancestor with an id (or the document)
 * @param xpath         an XPath of tag names and positions from the document
 * @param framePath     the frames from the top page down to the element's, each by name or else URL; empty for the top page
 */
public record ElementLocator(String id, String testId, String nameAttribute, String role, String name, String label,
                             String placeholder, String css, String xpath, List<String> framePath) {

    public ElementLocator {
        id = blankToEmpty(id);
        testId = blankToEmpty(testId);
        nameAttribute = blankToEmpty(nameAttribute);
        role = blankToEmpty(role);
        name = blankToEmpty(name);
        label = blankToEmpty(label);
        placeholder = blankToEmpty(placeholder);
        css = blankToEmpty(css);
        xpath = blankToEmpty(xpath);
        framePath = framePath == null ? List.of() : List.copyOf(framePath);
    }

    /** The ways to find the element, most specific first, as {@code strategy -> value}; only those it has. */
    public List<Strategy> strategies() {
        var all = new java.util.ArrayList<Strategy>();
        add(all, "id", id);
        add(all, "test_id", testId);
        add(all, "name", nameAttribute);
        add(all, "css", css);
        if (!role.isEmpty() && !name.isEmpty()) {
            all.add(new Strategy("role", role + "|" + name));
        }
        add(all, "label", label);
        add(all, "placeholder", placeholder);
        add(all, "xpath", xpath);
        return all;
    }

    /** True when no strategy is left to find the element with. */
    public boolean isEmpty() {
        return strategies().isEmpty();
    }

    /** One way to find the element: its kind ({@code id}, {@code css}, {@code role}, ...) and value. */
    public record Strategy(String kind, String value) {
    }

    private static void add(List<Strategy> all, String kind, String value) {
        if (!value.isEmpty()) {
            all.add(new Strategy(kind, value));
        }
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
