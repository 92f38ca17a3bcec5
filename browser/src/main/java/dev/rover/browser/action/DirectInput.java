package dev.rover.browser.action;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.PlaywrightException;
import dev.rover.browser.DevToolsCalls;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fills a text field or chooses an option of a native select that an action has just found, straight through the
 * tab's DevTools session, doing in the page what Playwright's fill and selectOption do there, without their extra
 * round trips: Playwright finds the element again, asks the page what the facts read with it already say, and loads
 * its selector engine into a document that has not used it yet (some 30 ms). A fill focuses the field, selects its
 * text and inserts the new text as the keyboard does ({@code Input.insertText}), as Playwright's does; a choice clears
 * the select, selects the option and sends {@code input} and {@code change}, as Playwright's does.
 *
 * <p>Only for an element in the tab's top frame, found by its {@code data-rover-id}, visible and enabled by its facts
 * (enabled as Playwright decides it, {@code aria-disabled} of its ancestors included); for a fill, an input of a text
 * type or a textarea, with text to type and no key events needed. And only when actions may skip Playwright's waits
 * ({@link ActionExecutor}): while a trace records, every input is Playwright's so that the trace shows it. Anything
 * else, and an element that turns out to be gone, read-only, disabled or unfocusable when the page is asked, is left
 * to Playwright, which waits for it and says what is wrong. Call on the browser's owning thread.
 */
final class DirectInput {

    /** Input types whose value is typed (Playwright sets the others, such as date or number, another way). */
    private static final Set<String> TEXT_TYPES = Set.of("text", "email", "password", "search", "tel", "url");

    private static final String ELEMENT = "const e = (" + ElementFinder.BY_ID + ")(id); if (!e || !e.isConnected) return 'gone';";

    /** Focuses the field and selects its text: {@code "ready"} when the field has the focus, else why it was not focused. */
    private static final DevToolsCalls.Script FOCUS = DevToolsCalls.Script.returningJson("(id) => { " + ELEMENT
            + " if (e.disabled || e.readOnly || e.getAttribute('aria-readonly') === 'true') return 'not editable';"
            + " if (e.tagName === 'INPUT') e.select(); else { e.selectionStart = 0; e.selectionEnd = e.value.length; }"
            + " e.focus();"
            + " return e.getRootNode().activeElement === e ? 'ready' : 'not focused'; }");

    /** Chooses the option at an index of a single-choice select: {@code "chosen"}, else why it did not. */
    private static final DevToolsCalls.Script CHOOSE = DevToolsCalls.Script.returningJson("([id, index]) => { " + ELEMENT
            + " if (e.tagName !== 'SELECT' || e.multiple || e.disabled) return 'not a single-choice select';"
            + " const o = e.options[index]; if (!o) return 'no such option';"
            + " if (o.disabled || o.getAttribute('aria-disabled') === 'true'"
            + " || (o.parentElement && o.parentElement.tagName === 'OPTGROUP' && o.parentElement.disabled))"
            + " return 'option disabled';"
            + " e.value = undefined; o.selected = true;"
            + " e.dispatchEvent(new Event('input', {bubbles: true, composed: true}));"
            + " e.dispatchEvent(new Event('change', {bubbles: true}));"
            + " return 'chosen'; }");

    private DirectInput() {
    }

    /**
     * Types {@code value} into the field when it is one this class fills; returns false, having changed nothing
     * but maybe the field's focus and selection (which Playwright's fill sets again), when Playwright should.
     *
     * @param direct whether actions may skip Playwright's waits ({@link ActionExecutor}: when no trace records)
     * @throws ActionFailure when the field was ready but the text could not be inserted
     */
    static boolean fill(FoundElement element, String value, boolean direct) {
        boolean textField = "textarea".equals(element.tag())
                || "input".equals(element.tag()) && TEXT_TYPES.contains(element.inputType());
        if (value.isEmpty() || !textField || element.needsKeyEvents() || !reachable(element, direct)) {
            return false;
        }
        Optional<CDPSession> session = DevToolsCalls.session(element.frame().page());
        if (session.isEmpty() || !"ready".equals(element.ask(FOCUS, element.id()))) {
            return false;
        }
        JsonObject text = new JsonObject();
        text.addProperty("text", value);
        try {
            session.get().send("Input.insertText", text);
        } catch (PlaywrightException e) {
            DevToolsCalls.forget(element.frame().page()); // the next call opens a new session or falls back
            // never pass on a message that might quote the text
            throw new ActionFailure("could not type into " + element.name() + ": " + FailureReasons.firstLineWithoutQuotes(e));
        }
        return true;
    }

    /**
     * Chooses the option at {@code index} of a native single-choice select; returns false, having changed nothing,
     * when Playwright should.
     *
     * @param direct whether actions may skip Playwright's waits ({@link ActionExecutor}: when no trace records)
     */
    static boolean choose(FoundElement element, int index, boolean direct) {
        return "select".equals(element.tag()) && reachable(element, direct)
                && "chosen".equals(element.ask(CHOOSE, List.of(element.id(), index)));
    }

    /** Whether the element is one this class may act on by its facts: see the class comment. */
    private static boolean reachable(FoundElement element, boolean direct) {
        return direct && element.id() != null && element.frame().parentFrame() == null && !element.frame().isDetached()
                && element.visible() && !element.disabled();
    }

}
