package dev.rover.browser.action;

import com.microsoft.playwright.PlaywrightException;
import dev.rover.browser.DevToolsCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;

/**
 * Makes sure a click that skipped Playwright's own hit check ({@link FoundElement#clearToClick}) reaches its element,
 * as that check does: just before the click, listeners on the window stop every pointer and mouse-button event whose
 * path does not hold the element (an overlay that appeared since the facts were read) and remember it; just after,
 * they are removed. A click they stopped did nothing, and the caller clicks again the Playwright way, which waits for
 * the element to be clear or says what covers it. Call on the browser's owning thread.
 */
final class ClickGuard {

    private static final Logger log = LoggerFactory.getLogger(ClickGuard.class);

    /** The window property holding the armed guard, named per JVM so a page cannot know it in advance. */
    private static final String NAME = "__rover_click_guard_" + Long.toHexString(new SecureRandom().nextLong());

    private static final String EVENTS = "['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click', 'auxclick', 'dblclick']";

    /** Arms the guard for the element with this id: true when armed. */
    private static final DevToolsCalls.Script ARM = DevToolsCalls.Script.returningJson("(id) => {"
            + " const e = (" + ElementFinder.BY_ID + ")(id); if (!e) return false;"
            + " const w = window; if (w['" + NAME + "']) w['" + NAME + "'].stop();"
            + " let stopped = null;"
            + " const guard = (ev) => { if (ev.composedPath().includes(e)) return;"
            + " if (stopped === null) { const t = ev.target;"
            + " stopped = t && t.tagName ? t.tagName.toLowerCase() + (t.id ? '#' + t.id : '') : 'the page'; }"
            + " ev.preventDefault(); ev.stopImmediatePropagation(); };"
            + " for (const type of " + EVENTS + ") w.addEventListener(type, guard, true);"
            + " Object.defineProperty(w, '" + NAME + "', {configurable: true, value: {stop: () => {"
            + " for (const type of " + EVENTS + ") w.removeEventListener(type, guard, true);"
            + " delete w['" + NAME + "']; return stopped; }}});"
            + " return true; }");

    /** Disarms the guard: what it stopped, or null when it stopped nothing (or the click's navigation removed the page). */
    private static final DevToolsCalls.Script DISARM = DevToolsCalls.Script.returningJson(
            "() => { const g = window['" + NAME + "']; return g ? g.stop() : null; }");

    private ClickGuard() {
    }

    /**
     * Runs {@code forcedClick} (Playwright's click with its waits skipped) under the guard.
     *
     * @return true when the click went through to the element; false when the guard could not be armed or stopped the
     *         click (nothing reached the page's handlers), and the caller should click the Playwright way
     * @throws PlaywrightException what the click threw, when the guard stopped nothing
     */
    static boolean click(FoundElement element, Runnable forcedClick) {
        if (!Boolean.TRUE.equals(element.ask(ARM, element.id()))) {
            return false;
        }
        PlaywrightException failure = null;
        try {
            forcedClick.run();
        } catch (PlaywrightException e) {
            failure = e;
        }
        Object stopped = element.ask(DISARM, null);
        if (stopped != null) {
            log.debug("a click on {} reached {} instead; clicking again with Playwright's waits", element.name(), stopped);
            return false;
        }
        if (failure != null) {
            throw failure;
        }
        return true;
    }

}
