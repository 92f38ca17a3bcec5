package dev.rover.browser.action;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import dev.rover.core.page.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the element an action targets: by short id through the {@code data-rover-id} attribute the
 * page observer writes, or by a CSS / {@code xpath=} selector, searching every frame of the page
 * (main frame first) because ids are unique across frames.
 */
final class ElementFinder {

    /** The attribute holding an element's short id. */
    static final String ID_ATTRIBUTE = "data-rover-id";

    /**
     * A page function of an id that returns the element carrying it, found with the DOM's own querySelector (open
     * shadow roots searched when the light DOM has no match), or null.
     */
    static final String BY_ID = "(id) => { const sel = '[" + ID_ATTRIBUTE + "=\"' + CSS.escape(id) + '\"]';"
            + " const deep = root => { const hit = root.querySelector(sel); if (hit) return hit;"
            + " for (const h of root.querySelectorAll('*')) { if (h.shadowRoot) { const r = deep(h.shadowRoot); if (r) return r; } }"
            + " return null; };"
            + " return deep(document); }";

    private static final Logger log = LoggerFactory.getLogger(ElementFinder.class);

    /**
     * Elements a replay located (with their facts) for the action that follows, by their one-time id: that action
     * takes its element from here instead of asking the page again. Each is used once; a few that no action
     * took (a replay that stopped at a mismatch) are forgotten oldest first.
     */
    private static final java.util.Map<String, FoundElement> PREFETCHED = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, FoundElement> eldest) {
                    return size() > 32;
                }
            });

    private ElementFinder() {
    }

    /** The element, or an {@link ActionFailure} such as "no element a9 on the page"; not scrolled. */
    static FoundElement find(Page page, Target target) {
        return find(page, target, false, false);
    }

    /** The element, scrolled into view first when {@code scroll} is true; see {@link #find(Page, Target, boolean, boolean)}. */
    static FoundElement find(Page page, Target target, boolean scroll) {
        return find(page, target, scroll, false);
    }

    /**
     * The element, scrolled into view first when {@code scroll} is true (for actions Playwright would scroll
     * to it anyway), with the form a click on it would submit when {@code submission} is true (for the secret
     * guard), or an {@link ActionFailure} such as "no element a9 on the page".
     */
    static FoundElement find(Page page, Target target, boolean scroll, boolean submission) {
        FoundElement located = target.hasId() ? PREFETCHED.remove(target.elementId()) : null;
        if (located != null && !located.frame().isDetached()) {
            return located; // read scrolled into view and with its form, whatever this action needs
        }
        java.util.Map<String, Object> options = java.util.Map.of("scroll", scroll, "submit", submission);
        String selector = target.hasId() ? "[" + ID_ATTRIBUTE + "=\"" + cssEscape(target.elementId()) + "\"]" : target.selector();
        String name = target.hasId() ? "element " + target.elementId() : "element '" + target.selector() + "'";
        for (Frame frame : page.frames()) {
            try {
                Locator matches = frame.locator(selector);
                // one round trip finds the element and reads everything the action decides by, and its box
                Object facts = target.hasId() ? factsById(frame, target.elementId(), options)
                        : matches.evaluateAll(FoundElement.FACTS, options);
                if (facts instanceof java.util.Map<?, ?> map) {
                    @SuppressWarnings("unchecked")
                    java.util.Map<String, Object> read = (java.util.Map<String, Object>) map;
                    return new FoundElement(frame, matches.first(), target.hasId() ? target.elementId() : null, name, read);
                }
            } catch (PlaywrightException e) {
                if (frame == page.mainFrame()) {
                    throw new ActionFailure("selector '" + target.selector() + "' is not valid: " + FailureReasons.firstLine(e));
                }
                log.debug("frame {} could not be searched: {}", frame.url(), FailureReasons.firstLine(e));
            }
        }
        if (target.hasId()) {
            throw new ActionFailure("no element " + target.elementId() + " on the page");
        }
        throw new ActionFailure("no element matching '" + target.selector() + "' on the page");
    }

    /** The facts of the element with this id in the frame (through DevTools where it reaches the frame), or null. */
    private static Object factsById(Frame frame, String id, java.util.Map<String, Object> options) {
        return dev.rover.browser.DevToolsCalls.evaluate(frame, FoundElement.FACTS_BY_ID, java.util.Arrays.asList(id, options),
                Object.class);
    }

    /** Keeps an element a replay just located, with its facts, for the action on its one-time id that follows. */
    static void prefetched(String id, FoundElement element) {
        PREFETCHED.put(id, element);
    }

    private static String cssEscape(String id) {
        return id.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
