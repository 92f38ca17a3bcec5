package dev.rover.llm.offline;

import dev.rover.core.page.Element;

import java.util.Locale;
import java.util.Set;

/** The kinds of element an instruction can target, so that "Email" finds the field and not a "mailto" link. */
enum ElementKind {
    /** Buttons, links, tabs, menu items: what a click means. */
    CLICKABLE,
    /** Text-like inputs, text areas, selects and editable elements: what typing means. */
    FIELD,
    /** Selects, listboxes and comboboxes. */
    SELECT,
    /** Checkboxes, radios and switches. */
    CHECKABLE,
    /** File inputs, which take a local file rather than typed text. */
    FILE;

    private static final Set<String> NON_TEXT_INPUTS = Set.of("submit", "button", "reset", "image", "checkbox", "radio",
            "hidden", "file", "range", "color");
    private static final Set<String> CLICK_ROLES = Set.of("button", "link", "tab", "menuitem", "menuitemcheckbox",
            "menuitemradio", "option", "treeitem", "switch");

    /** True when the element is of this kind. */
    boolean accepts(Element e) {
        String tag = e.tag().toLowerCase(Locale.ROOT);
        String role = e.role().toLowerCase(Locale.ROOT);
        return switch (this) {
            case CLICKABLE -> tag.equals("button") || tag.equals("a") || tag.equals("summary") || CLICK_ROLES.contains(role)
                    || (tag.equals("input") && Set.of("submit", "button", "reset", "image").contains(e.type()));
            case FIELD -> isTextField(e) || tag.equals("select") || role.equals("combobox") || role.equals("listbox");
            case SELECT -> tag.equals("select") || role.equals("combobox") || role.equals("listbox");
            case CHECKABLE -> (tag.equals("input") && (e.type().equals("checkbox") || e.type().equals("radio")))
                    || role.equals("checkbox") || role.equals("radio") || role.equals("switch") || role.equals("menuitemcheckbox");
            case FILE -> tag.equals("input") && e.type().equals("file");
        };
    }

    /** Inputs one can type into: text-like inputs, text areas, textboxes and contenteditable elements. */
    static boolean isTextField(Element e) {
        String tag = e.tag().toLowerCase(Locale.ROOT);
        String role = e.role().toLowerCase(Locale.ROOT);
        return (tag.equals("input") && !NON_TEXT_INPUTS.contains(e.type())) || tag.equals("textarea")
                || role.equals("textbox") || role.equals("searchbox") || role.equals("spinbutton")
                || "true".equalsIgnoreCase(e.attribute("contenteditable"));
    }
}
