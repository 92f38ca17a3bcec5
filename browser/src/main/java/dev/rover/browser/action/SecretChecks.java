package dev.rover.browser.action;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a {@link SecretGuard} to the actions that can send a secret somewhere: typing (checked
 * against the origin of the field's frame), clicking a submit control and pressing Enter (checked
 * against where the form posts). Origins come from the browser's own idea of each frame's URL, not
 * from script a page could override.
 */
final class SecretChecks {

    /** The form a clicked control submits: its action and its fields' values, or null when the click submits nothing. */
    static final String CLICK_SUBMISSION = "e => { const c = e.closest('button, input');"
            + " if (!c || !c.form || (c.type !== 'submit' && c.type !== 'image')) return null;"
            + " const action = c.hasAttribute('formaction') ? c.formAction : c.form.action;"
            + " return { action, values: Array.from(c.form.elements).map(x => typeof x.value === 'string' ? x.value : '').filter(v => v) }; }";
    /** The form Enter in this field submits. */
    private static final String FIELD_SUBMISSION = "e => { const f = e.form; if (!f) return null;"
            + " return { action: f.action, values: Array.from(f.elements).map(x => typeof x.value === 'string' ? x.value : '').filter(v => v) }; }";
    /** The form Enter submits in a frame: that of the frame's focused field. */
    private static final String FOCUSED_SUBMISSION = "() => { const a = document.activeElement; if (!a || !a.form) return null;"
            + " return { action: a.form.action, values: Array.from(a.form.elements).map(x => typeof x.value === 'string' ? x.value : '').filter(v => v) }; }";

    private final SecretGuard guard;

    SecretChecks(SecretGuard guard) {
        this.guard = guard;
    }

    /** Whether typing this text types a secret. */
    boolean typesSecret(String text) {
        return guard.holdsPlaceholder(text);
    }

    void beforeTyping(Page page, FoundElement element, String text) {
        if (!guard.holdsPlaceholder(text)) {
            return;
        }
        Optional<String> refusal = guard.refuseTyping(text, page.url(), originUrl(element.frame()));
        if (refusal.isPresent()) {
            throw new ActionFailure(refusal.get());
        }
    }

    /** Whether a click must be checked against where its form posts: the finder then reads the form with the element. */
    boolean checksClicks() {
        return guard.holdsSecrets();
    }

    void beforeClick(FoundElement element) {
        if (guard.holdsSecrets()) {
            check(submission(() -> element.submissionRead() ? element.submission()
                    : element.locator().evaluate(CLICK_SUBMISSION)));
        }
    }

    /** Checks the form a click at this CSS point of the main frame would submit. */
    void beforeClickAt(Page page, double x, double y) {
        if (guard.holdsSecrets()) {
            check(submission(() -> page.evaluate("([x, y]) => { const e = document.elementFromPoint(x, y);"
                    + " return e ? (" + CLICK_SUBMISSION + ")(e) : null; }", List.of(x, y))));
        }
    }

    void beforeKeys(Page page, FoundElement element, List<String> keys) {
        if (!guard.holdsSecrets() || keys.stream().noneMatch(k -> k != null && k.endsWith("Enter"))) {
            return;
        }
        if (element != null) {
            check(submission(() -> element.locator().evaluate(FIELD_SUBMISSION)));
            return;
        }
        for (Frame frame : page.frames()) {
            if (!frame.isDetached()) {
                check(submission(() -> frame.evaluate(FOCUSED_SUBMISSION)));
            }
        }
    }

    private void check(Submission submission) {
        if (submission == null) {
            return;
        }
        Optional<String> refusal = guard.refuseSubmit(submission.values(), submission.action());
        if (refusal.isPresent()) {
            throw new ActionFailure(refusal.get());
        }
    }

    private static Submission submission(java.util.function.Supplier<Object> script) {
        Object found;
        try {
            found = script.get();
        } catch (PlaywrightException e) {
            // a frame that navigated away meanwhile submits nothing
            return null;
        }
        if (!(found instanceof Map<?, ?> map)) {
            return null;
        }
        List<String> values = new ArrayList<>();
        if (map.get("values") instanceof List<?> list) {
            list.forEach(v -> values.add(String.valueOf(v)));
        }
        return new Submission(String.valueOf(map.get("action")), values);
    }

    /**
     * The URL that gives a frame its origin: its own, or for {@code about:blank} and {@code about:srcdoc}
     * frames (which take their creator's origin) that of the nearest ancestor with a real URL.
     */
    static String originUrl(Frame frame) {
        Frame f = frame;
        while (f != null && (f.url() == null || f.url().isEmpty() || f.url().startsWith("about:"))) {
            f = f.parentFrame();
        }
        return f == null ? frame.url() : f.url();
    }

    private record Submission(String action, List<String> values) {
    }
}
