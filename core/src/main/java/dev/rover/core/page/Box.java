package dev.rover.core.page;

/** A bounding box in CSS pixels, relative to the top-left corner of the page. */
public record Box(double x, double y, double width, double height) {
    /** True when the box has an area. */
    public boolean hasArea() {
        return width > 0 && height > 0;
    }
}
