package dev.rover.llm.offline;

import dev.rover.core.page.Element;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What people call an element instead of naming it ("the text box", "the password field", "the x"):
 * each role word narrows the elements an instruction may mean, and a role that only one element on
 * the page has needs no label at all.
 */
enum Role {
    /** Any element of the instruction's kind ("the field", "the input", "the box"). */
    ANY,
    /** Text-like inputs and text areas. */
    TEXT,
    /** Password inputs. */
    PASSWORD,
    /** Date inputs, and text inputs that say they take a date. */
    DATE,
    /** Selects, listboxes and comboboxes ("the list", "dropdown"). */
    LIST,
    /** Checkboxes and switches. */
    CHECKBOX,
    /** Radio buttons. */
    RADIO,
    /** Links. */
    LINK,
    /** Tabs. */
    TAB,
    /** Buttons. */
    BUTTON,
    /** The close mark of a dialog or banner ("the x", "the close button"). */
    CLOSE;

    private static final Map<String, Role> WORDS = Map.ofEntries(
            Map.entry("field", ANY), Map.entry("input", ANY), Map.entry("box", ANY), Map.entry("control", ANY),
            Map.entry("text field", TEXT), Map.entry("text box", TEXT), Map.entry("textbox", TEXT), Map.entry("text input", TEXT),
            Map.entry("text area", TEXT), Map.entry("textarea", TEXT), Map.entry("input field", TEXT), Map.entry("search box", TEXT),
            Map.entry("password field", PASSWORD), Map.entry("password box", PASSWORD), Map.entry("password input", PASSWORD),
            Map.entry("date field", DATE), Map.entry("date input", DATE), Map.entry("date picker", DATE), Map.entry("datepicker", DATE),
            Map.entry("date box", DATE), Map.entry("date", DATE), Map.entry("password", PASSWORD), Map.entry("list", LIST), Map.entry("dropdown", LIST), Map.entry("drop-down", LIST),
            Map.entry("drop down", LIST), Map.entry("select", LIST), Map.entry("select box", LIST), Map.entry("menu", LIST),
            Map.entry("combo box", LIST), Map.entry("combobox", LIST), Map.entry("listbox", LIST), Map.entry("list box", LIST),
            Map.entry("checkbox", CHECKBOX), Map.entry("check box", CHECKBOX), Map.entry("tickbox", CHECKBOX), Map.entry("tick box", CHECKBOX),
            Map.entry("toggle", CHECKBOX), Map.entry("switch", CHECKBOX), Map.entry("radio", RADIO), Map.entry("radio button", RADIO),
            Map.entry("option", RADIO), Map.entry("link", LINK), Map.entry("tab", TAB), Map.entry("button", BUTTON),
            Map.entry("x", CLOSE), Map.entry("close button", CLOSE), Map.entry("close mark", CLOSE), Map.entry("close icon", CLOSE),
            Map.entry("cross", CLOSE), Map.entry("x button", CLOSE), Map.entry("\u00d7", CLOSE));

    /** The role a phrase's words name ("text box"), or empty when they name none. */
    static Optional<Role> of(String words) {
        String w = words.toLowerCase(Locale.ROOT).strip();
        Role r = WORDS.get(w);
        if (r == null && w.endsWith("s") && w.length() > 2) {
            r = WORDS.get(w.substring(0, w.length() - 1));
        }
        if (r == null && w.endsWith("es") && w.length() > 3) {
            r = WORDS.get(w.substring(0, w.length() - 2));
        }
        return Optional.ofNullable(r);
    }

    /** The longest role phrase at the end of {@code words}, as the number of words it takes; 0 when none. */
    static int trailing(String[] words) {
        for (int n = Math.min(2, words.length); n >= 1; n--) {
            String tail = String.join(" ", java.util.Arrays.copyOfRange(words, words.length - n, words.length));
            if (of(tail).isPresent()) {
                return n;
            }
        }
        return 0;
    }

    /** What a message calls an element of this role. */
    String noun() {
        return switch (this) {
            case ANY -> "element";
            case TEXT -> "text field";
            case PASSWORD -> "password field";
            case DATE -> "date field";
            case LIST -> "list";
            case CHECKBOX -> "checkbox";
            case RADIO -> "radio button";
            case LINK -> "link";
            case TAB -> "tab";
            case BUTTON -> "button";
            case CLOSE -> "close mark";
        };
    }

    /** True when the element plays this role. */
    boolean accepts(Element e) {
        String tag = e.tag().toLowerCase(Locale.ROOT);
        String role = e.role().toLowerCase(Locale.ROOT);
        String type = e.type();
        return switch (this) {
            case ANY -> true;
            case TEXT -> ElementKind.isTextField(e) && !type.equals("password") && !type.equals("date");
            case PASSWORD -> type.equals("password");
            case DATE -> type.equals("date") || type.equals("datetime-local")
                    || (ElementKind.isTextField(e) && LabelText.tokens(e.name() + " " + e.attribute("placeholder")).contains("date"));
            case LIST -> ElementKind.SELECT.accepts(e);
            case CHECKBOX -> type.equals("checkbox") || role.equals("checkbox") || role.equals("switch");
            case RADIO -> type.equals("radio") || role.equals("radio");
            case LINK -> tag.equals("a") || role.equals("link");
            case TAB -> role.equals("tab");
            case BUTTON -> tag.equals("button") || role.equals("button") || tag.equals("summary")
                    || (tag.equals("input") && (type.equals("submit") || type.equals("button") || type.equals("reset")));
            case CLOSE -> ElementKind.CLICKABLE.accepts(e) && isCloseMark(e);
        };
    }

    private static boolean isCloseMark(Element e) {
        for (String text : ElementMatcher.ownTexts(e)) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (t.equals("x") || t.equals("\u00d7") || t.equals("\u2715") || t.equals("\u2716") || t.equals("close")
                    || t.startsWith("close ") || t.equals("dismiss")) {
                return true;
            }
        }
        return false;
    }
}
