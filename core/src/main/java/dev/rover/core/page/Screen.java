package dev.rover.core.page;

/**
 * The size in pixels of the screenshot a computer-use model looked at. Its coordinates refer to that
 * image, which may be larger than the viewport (device scale factor) or resized; the browser scales a
 * point from this size to the viewport's CSS pixels before acting.
 */
public record Screen(int width, int height) {

    public Screen {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a screen needs a positive size, got " + width + "x" + height);
        }
    }

    /** The size of a PNG image, read from its header. */
    public static Screen ofPng(byte[] png) {
        if (png == null || png.length < 24 || png[1] != 'P' || png[2] != 'N' || png[3] != 'G') {
            throw new IllegalArgumentException("not a PNG image");
        }
        return new Screen(readInt(png, 16), readInt(png, 20));
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    /** Whether this point lies on the screen. */
    public boolean contains(ScreenPoint p) {
        return p.x() >= 0 && p.y() >= 0 && p.x() < width && p.y() < height;
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
