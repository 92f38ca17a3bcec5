package dev.rover.core.page;

import java.util.List;

/**
 * One thing the browser can do, in the vocabulary of Skyvern's action schema. Engines produce
 * them; the browser module performs them. {@link #actionType()} is the Skyvern {@code action_type}.
 */
public sealed interface BrowserAction {

    /** The Skyvern {@code action_type} of this action. */
    String actionType();

    /** An action on one element of the page. */
    sealed interface ElementAction extends BrowserAction {
        Target target();
    }

    /** Clicks the element; a download it starts is captured. */
    record Click(Target target) implements ElementAction {
        public String actionType() { return "click"; }
    }

    /** Clears the field and types {@code text} (which may hold secret placeholders, substituted at execution). */
    record InputText(Target target, String text) implements ElementAction {
        public String actionType() { return "input_text"; }
    }

    /** Chooses an option of a native select or a custom listbox/combobox, by label, value or index. */
    record SelectOption(Target target, String label, String value, Integer index) implements ElementAction {
        public String actionType() { return "select_option"; }
    }

    /** Sets a checkbox or radio to the desired state. */
    record Checkbox(Target target, boolean checked) implements ElementAction {
        public String actionType() { return "checkbox"; }
    }

    /** Sets a file input to a local file. */
    record UploadFile(Target target, String file) implements ElementAction {
        public String actionType() { return "upload_file"; }
    }

    /** Moves the pointer over the element. */
    record Hover(Target target) implements ElementAction {
        public String actionType() { return "hover"; }
    }

    /** Presses keys ({@code "Enter"}, {@code "Control+A"}), on the element when a target is given, else on the page. */
    record Keypress(Target target, List<String> keys) implements BrowserAction {
        public Keypress {
            keys = List.copyOf(keys);
        }
        public String actionType() { return "keypress"; }
    }

    /** Scrolls the page, or the element when a target is given, by {@code pixels} in a direction (up, down, left, right). */
    record Scroll(Target target, String direction, int pixels) implements BrowserAction {
        public String actionType() { return "scroll"; }
    }

    /** Waits, up to the given number of seconds, for the page to settle. */
    record Wait(double seconds) implements BrowserAction {
        public String actionType() { return "wait"; }
    }

    /** Navigates the current tab. */
    record GotoUrl(String url) implements BrowserAction {
        public String actionType() { return "goto_url"; }
    }

    /** Goes back in the current tab's history. */
    record GoBack() implements BrowserAction {
        public String actionType() { return "go_back"; }
    }

    /** Opens a new tab (optionally at a URL) and makes it current. */
    record NewTab(String url) implements BrowserAction {
        public String actionType() { return "new_tab"; }
    }

    /** Makes the tab with this index current. */
    record SwitchTab(int index) implements BrowserAction {
        public String actionType() { return "switch_tab"; }
    }

    /** Asks for a captcha to be solved; Rover reports it as not possible rather than guessing. */
    record SolveCaptcha(Target target) implements BrowserAction {
        public String actionType() { return "solve_captcha"; }
    }
}
