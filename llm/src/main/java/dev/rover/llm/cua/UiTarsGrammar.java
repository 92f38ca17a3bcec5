package dev.rover.llm.cua;

import dev.rover.core.page.Screen;
import dev.rover.core.page.ScreenPoint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads UI-TARS answers ({@code Thought: ...} then {@code Action: click(start_box='(x,y)')}) and maps its
 * points to the screenshot. UI-TARS-1.5 writes absolute pixels of the image as the server resized it
 * (Qwen2.5-VL's smart resize: sides rounded to multiples of 28, at most 16384 patches of 28x28); UI-TARS 1.0
 * writes 0..1000 of the width and height. Boxes ({@code [x1,y1,x2,y2]}) count as their centre.
 */
final class UiTarsGrammar {

    static final int FACTOR = 28;
    static final long MIN_PIXELS = 100L * FACTOR * FACTOR;
    static final long MAX_PIXELS = 16384L * FACTOR * FACTOR;

    private static final Pattern CALL = Pattern.compile("([a-z_]+)\\s*\\((.*)\\)\\s*$", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    /** One parsed answer: the thought and the action's name and arguments. */
    record Parsed(String thought, String action, Map<String, String> args) {
    }

    private UiTarsGrammar() {
    }

    /**
     * The thought and the first action of an answer.
     *
     * @throws IllegalArgumentException saying what does not follow the grammar
     */
    static Parsed parse(String answer) {
        String text = answer == null ? "" : answer.trim();
        int at = text.lastIndexOf("Action:");
        if (at < 0) {
            throw new IllegalArgumentException("the answer has no \"Action:\" line");
        }
        String thought = text.substring(0, at).replaceFirst("^\\s*(Thought|Reflection):\\s*", "").trim();
        String call = text.substring(at + "Action:".length()).trim();
        int split = call.indexOf("\n\n");
        if (split > 0) {
            call = call.substring(0, split).trim();
        }
        Matcher m = CALL.matcher(call);
        if (!m.matches()) {
            throw new IllegalArgumentException("the action '" + shorten(call) + "' is not name(arguments)");
        }
        return new Parsed(thought, m.group(1), arguments(m.group(2)));
    }

    /** {@code key='value', key2="value"} with Python escapes in the values. */
    static Map<String, String> arguments(String text) {
        Map<String, String> args = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == ',')) {
                i++;
            }
            if (i >= text.length()) {
                break;
            }
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                throw new IllegalArgumentException("argument '" + shorten(text.substring(i)) + "' is not key='value'");
            }
            String key = text.substring(i, eq).trim();
            i = eq + 1;
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= text.length() || (text.charAt(i) != '\'' && text.charAt(i) != '"')) {
                throw new IllegalArgumentException("the value of " + key + " must be quoted");
            }
            char quote = text.charAt(i++);
            StringBuilder value = new StringBuilder();
            boolean closed = false;
            while (i < text.length()) {
                char c = text.charAt(i++);
                if (c == '\\' && i < text.length()) {
                    char n = text.charAt(i++);
                    value.append(switch (n) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        default -> n;
                    });
                } else if (c == quote) {
                    closed = true;
                    break;
                } else {
                    value.append(c);
                }
            }
            if (!closed) {
                throw new IllegalArgumentException("the value of " + key + " is not closed");
            }
            args.put(key, value.toString());
        }
        return args;
    }

    /** A box or point argument ({@code (x,y)}, {@code <|box_start|>(x,y)<|box_end|>}, {@code [x1,y1,x2,y2]}) on the screenshot. */
    static ScreenPoint point(String box, Screen screen, CuaSettings.UiTarsCoordinates convention) {
        if (box == null) {
            throw new IllegalArgumentException("a point is missing");
        }
        Matcher m = NUMBER.matcher(box.replace("<|box_start|>", "").replace("<|box_end|>", ""));
        double[] n = new double[4];
        int count = 0;
        while (m.find() && count < 4) {
            n[count++] = Double.parseDouble(m.group());
        }
        double x;
        double y;
        if (count == 2) {
            x = n[0];
            y = n[1];
        } else if (count == 4) {
            x = (n[0] + n[2]) / 2;
            y = (n[1] + n[3]) / 2;
        } else {
            throw new IllegalArgumentException("'" + shorten(box) + "' is neither a point (x,y) nor a box [x1,y1,x2,y2]");
        }
        double sx;
        double sy;
        if (convention == CuaSettings.UiTarsCoordinates.RELATIVE_1000) {
            sx = x * screen.width() / 1000.0;
            sy = y * screen.height() / 1000.0;
        } else {
            int[] resized = resized(screen);
            sx = x * screen.width() / resized[0];
            sy = y * screen.height() / resized[1];
        }
        ScreenPoint p = new ScreenPoint((int) Math.round(sx), (int) Math.round(sy));
        if (p.x() < 0 || p.y() < 0 || p.x() > screen.width() || p.y() > screen.height()) {
            throw new IllegalArgumentException("point " + box.trim() + " lies outside the screenshot");
        }
        return new ScreenPoint(Math.min(p.x(), screen.width() - 1), Math.min(p.y(), screen.height() - 1));
    }

    /** The width and height the server's image processor resizes this screenshot to (smart resize). */
    static int[] resized(Screen screen) {
        double h = screen.height();
        double w = screen.width();
        double hBar = Math.max(FACTOR, Math.round(h / FACTOR) * FACTOR);
        double wBar = Math.max(FACTOR, Math.round(w / FACTOR) * FACTOR);
        if (hBar * wBar > MAX_PIXELS) {
            double beta = Math.sqrt(h * w / MAX_PIXELS);
            hBar = Math.floor(h / beta / FACTOR) * FACTOR;
            wBar = Math.floor(w / beta / FACTOR) * FACTOR;
        } else if (hBar * wBar < MIN_PIXELS) {
            double beta = Math.sqrt(MIN_PIXELS / (h * w));
            hBar = Math.ceil(h * beta / FACTOR) * FACTOR;
            wBar = Math.ceil(w * beta / FACTOR) * FACTOR;
        }
        return new int[]{(int) wBar, (int) hBar};
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
