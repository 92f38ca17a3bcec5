package dev.rover.core.page;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the element an action acted on was: its rectangle in CSS pixels relative to the top-level viewport,
 * and that viewport's size, so a report can outline it on the screenshot however the image is scaled.
 */
public record ElementBox(double x, double y, double width, double height, int viewportWidth, int viewportHeight) {

    public ElementBox {
        if (width < 0 || height < 0 || viewportWidth <= 0 || viewportHeight <= 0) {
            throw new IllegalArgumentException("element box needs a non-negative size and a positive viewport, got "
                    + width + "x" + height + " in " + viewportWidth + "x" + viewportHeight);
        }
    }

    /** The box as timeline entry data: x, y, width, height, viewport_width, viewport_height. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("x", round(x));
        map.put("y", round(y));
        map.put("width", round(width));
        map.put("height", round(height));
        map.put("viewport_width", viewportWidth);
        map.put("viewport_height", viewportHeight);
        return map;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
