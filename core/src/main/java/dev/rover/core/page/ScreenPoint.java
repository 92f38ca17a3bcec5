package dev.rover.core.page;

/** A point on a screenshot, in that screenshot's pixels (see {@link Screen}), as a computer-use model names it. */
public record ScreenPoint(int x, int y) {

    @Override
    public String toString() {
        return "(" + x + "," + y + ")";
    }
}
