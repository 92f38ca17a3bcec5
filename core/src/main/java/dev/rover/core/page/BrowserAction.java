package dev.rover.core.page;

import java.util.List;

/**
 * One thing the browser can do, in the vocabulary of Skyvern's action schema. Engines produce
 * them; the browser module performs them. {@link #actionType()} is the Skyvern {@code action_type}.
 * Element actions name an element of a snapshot; {@link PointerAction}s name points on the screenshot a
 * computer-use model looked at, and the browser scales them to the viewport.
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

    /**
     * An action at points of a screenshot rather than on an element: what computer-use models produce.
     * {@link #screen()} is the size of the screenshot the points refer to.
     */
    sealed interface PointerAction extends BrowserAction {
        Screen screen();

        /** The point the action happens at (the start of a drag), for the timeline and the report's marker. */
        ScreenPoint point();
    }

    /** Clicks {@code count} times with a mouse button (left, right, middle) at a point of the screenshot. */
    record ClickAt(ScreenPoint point, String button, int count, Screen screen) implements PointerAction {
        public ClickAt {
            java.util.Objects.requireNonNull(point, "point");
            java.util.Objects.requireNonNull(screen, "screen");
            button = button == null || button.isBlank() ? "left" : button;
            if (count < 1 || count > 3) {
                throw new IllegalArgumentException("a click counts 1 to 3 presses, got " + count);
            }
        }
        public String actionType() { return "click"; }
    }

    /** Moves the mouse to a point of the screenshot (hovering what is there). */
    record MoveTo(ScreenPoint point, Screen screen) implements PointerAction {
        public MoveTo {
            java.util.Objects.requireNonNull(point, "point");
            java.util.Objects.requireNonNull(screen, "screen");
        }
        public String actionType() { return "move"; }
    }

    /** Presses the left button at the first point, moves through the others and releases at the last. */
    record DragPath(List<ScreenPoint> path, Screen screen) implements PointerAction {
        public DragPath {
            path = List.copyOf(path);
            java.util.Objects.requireNonNull(screen, "screen");
            if (path.size() < 2) {
                throw new IllegalArgumentException("a drag needs at least two points, got " + path.size());
            }
        }
        public ScreenPoint point() { return path.get(0); }
        public String actionType() { return "drag"; }
    }

    /** Turns the mouse wheel at a point of the screenshot by {@code dx}/{@code dy} screenshot pixels. */
    record ScrollAt(ScreenPoint point, int dx, int dy, Screen screen) implements PointerAction {
        public ScrollAt {
            java.util.Objects.requireNonNull(point, "point");
            java.util.Objects.requireNonNull(screen, "screen");
        }
        public String actionType() { return "scroll"; }
    }

    /**
     * Types text with the keyboard into whatever has focus. Text holding secret placeholders is resolved
     * only into the focused field, and only where the secret may go.
     */
    record TypeText(String text) implements BrowserAction {
        public TypeText {
            java.util.Objects.requireNonNull(text, "text");
        }
        public String actionType() { return "input_text"; }
    }

    /** Does nothing: the model asked to look at the screen again, which the next step shows it. */
    record Screenshot() implements BrowserAction {
        public String actionType() { return "screenshot"; }
    }
}
