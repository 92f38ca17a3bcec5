package dev.rover.core.text;

/**
 * Makes text from a definition or a command line safe to print in a message: control characters
 * (ANSI escape sequences start with one), line breaks and the invisible bidirectional controls that
 * can make a label read differently from what it is (right-to-left overrides) are shown as
 * {@code \}{@code uXXXX} escapes, so a label can neither recolour a terminal nor disguise itself.
 */
public final class PrintableText {

    private PrintableText() {
    }

    /** The text with every unsafe character escaped; null stays null. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isUnsafe(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Whether a character must not reach a terminal or a log line as it is. */
    public static boolean isUnsafe(char c) {
        return Character.isISOControl(c)                  // C0 (ESC, CR, LF, BEL...), DEL and C1 controls
                || (c >= '\u202a' && c <= '\u202e')        // embeddings and overrides
                || (c >= '\u2066' && c <= '\u2069')        // isolates
                || c == '\u200e' || c == '\u200f' || c == '\u061c'
                || c == '\u2028' || c == '\u2029';         // line and paragraph separators
    }
}
