package dev.rover.browser.action;

import dev.rover.core.page.ElementBox;

import java.util.Map;

/**
 * Where an acted-on element is, for the report's highlight on the step screenshot: its rectangle moved
 * into top-level viewport coordinates through every enclosing same-origin frame. The finder reads it in the
 * same round trip as the element's other facts, after scrolling the element into view, so an action costs
 * no extra evaluation for its highlight.
 */
final class ElementBoxes {

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

    /** The box the {@link #BOX} script returned, or null when it returned none. */
    static ElementBox of(Object read) {
        if (!(read instanceof Map<?, ?> m)) {
            return null;
        }
        try {
            return new ElementBox(number(m.get("x")), number(m.get("y")), number(m.get("width")), number(m.get("height")),
                    (int) number(m.get("vw")), (int) number(m.get("vh")));
        } catch (IllegalArgumentException e) {
            return null; // the highlight is evidence, not part of the action: a box that makes no sense is left out
        }
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }
}
