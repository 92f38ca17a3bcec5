package dev.rover.browser.action;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.PlaywrightException;
import dev.rover.core.page.ElementBox;

import java.util.Map;

/**
 * Reads where an acted-on element is after the action, for the report's highlight on the step screenshot:
 * its rectangle moved into top-level viewport coordinates through every enclosing same-origin frame.
 */
final class ElementBoxes {

    /** An element that vanished (a click that navigated) is not waited for longer than this. */
    private static final double READ_TIMEOUT_MILLIS = 300;

    /**
     * The box in the top viewport, or null when an enclosing frame is cross-origin (its offset is unknowable
     * from inside) or the viewport has no size.
     */
    static final String BOX = "e => { const r = e.getBoundingClientRect(); let x = r.left, y = r.top, w = window;"
            + " try { while (w !== w.top) { const f = w.frameElement; if (!f) return null;"
            + " const fr = f.getBoundingClientRect(); x += fr.left + f.clientLeft; y += fr.top + f.clientTop; w = w.parent; } }"
            + " catch (err) { return null; }"
            + " if (w.innerWidth <= 0 || w.innerHeight <= 0) return null;"
            + " return { x, y, width: r.width, height: r.height, vw: w.innerWidth, vh: w.innerHeight }; }";

    private ElementBoxes() {
    }

    /** The element's box now, or null when it is gone or cannot be placed in the top viewport. */
    static ElementBox read(FoundElement element) {
        if (element == null || element.frame().isDetached()) {
            return null;
        }
        try {
            Object read = element.locator().evaluate(BOX, null, new Locator.EvaluateOptions().setTimeout(READ_TIMEOUT_MILLIS));
            if (!(read instanceof Map<?, ?> m)) {
                return null;
            }
            return new ElementBox(number(m.get("x")), number(m.get("y")), number(m.get("width")), number(m.get("height")),
                    (int) number(m.get("vw")), (int) number(m.get("vh")));
        } catch (PlaywrightException | IllegalArgumentException e) {
            return null; // the highlight is evidence, not part of the action: a page that moved on has none
        }
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }
}
