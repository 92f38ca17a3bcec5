package dev.rover.browser.observe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Renders a page's {@link PromptLine}s as compact HTML-like text within a hard character budget.
 * When the page does not fit, plain text goes first (text farthest from any element first), then
 * headings, then long texts and hrefs are shortened, and only then are elements dropped (those
 * outside the viewport and lowest on the page first) - never the reverse, because an engine can
 * act without prose but not without elements.
 */
public final class PromptRenderer {

    /** The default budget, in characters. */
    public static final int DEFAULT_BUDGET_CHARS = 24_000;

    private final int budgetChars;

    /** A renderer with the default 24,000-character budget. */
    public PromptRenderer() {
        this(DEFAULT_BUDGET_CHARS);
    }

    /** A renderer whose output never exceeds {@code budgetChars} characters. */
    public PromptRenderer(int budgetChars) {
        if (budgetChars < 16) {
            throw new IllegalArgumentException("prompt budget must be at least 16 characters, was " + budgetChars);
        }
        this.budgetChars = budgetChars;
    }

    /** The budget this renderer keeps to. */
    public int budgetChars() {
        return budgetChars;
    }

    /** The prompt text for these lines, at most {@link #budgetChars()} characters long. */
    public String render(List<PromptLine> lines) {
        int n = lines.size();
        String[] rendered = new String[n];
        boolean[] alive = new boolean[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            rendered[i] = ElementMarkup.line(lines.get(i), false);
            alive[i] = true;
            total += rendered[i].length() + 1L;
        }
        if (total - 1 > budgetChars) {
            int[] distance = distanceToNearestControl(lines);
            total = drop(lines, rendered, alive, total, distance, PromptLine.Text.class);
            total = drop(lines, rendered, alive, total, distance, PromptLine.Heading.class);
        }
        if (total - 1 > budgetChars) {
            for (int i = 0; i < n; i++) {
                if (alive[i] && lines.get(i) instanceof PromptLine.Control) {
                    String shorter = ElementMarkup.line(lines.get(i), true);
                    total += shorter.length() - rendered[i].length();
                    rendered[i] = shorter;
                }
            }
        }
        if (total - 1 > budgetChars) {
            total = dropControls(lines, rendered, alive, total);
        }
        String text = join(lines, rendered, alive);
        if (text.length() > budgetChars) {
            text = text.substring(0, budgetChars - 1) + "\u2026";
        }
        return text;
    }

    private long drop(List<PromptLine> lines, String[] rendered, boolean[] alive, long total, int[] distance,
                      Class<? extends PromptLine> kind) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (alive[i] && kind.isInstance(lines.get(i))) {
                order.add(i);
            }
        }
        order.sort(Comparator.<Integer>comparingInt(i -> distance[i]).reversed()
                .thenComparing(Comparator.<Integer>reverseOrder()));
        for (int i : order) {
            if (total - 1 <= budgetChars) {
                break;
            }
            alive[i] = false;
            total -= rendered[i].length() + 1L;
        }
        return total;
    }

    private long dropControls(List<PromptLine> lines, String[] rendered, boolean[] alive, long total) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (alive[i] && lines.get(i) instanceof PromptLine.Control) {
                order.add(i);
            }
        }
        order.sort(Comparator.<Integer, Boolean>comparing(i -> ((PromptLine.Control) lines.get(i)).element().inViewport())
                .thenComparing(Comparator.<Integer>reverseOrder()));
        for (int i : order) {
            if (total - 1 <= budgetChars) {
                break;
            }
            alive[i] = false;
            total -= rendered[i].length() + 1L;
        }
        return total;
    }

    /** For every line, how many lines away the nearest element is (0 for elements themselves). */
    static int[] distanceToNearestControl(List<PromptLine> lines) {
        int n = lines.size();
        int[] distance = new int[n];
        int last = -1;
        for (int i = 0; i < n; i++) {
            if (lines.get(i) instanceof PromptLine.Control) {
                last = i;
            }
            distance[i] = last < 0 ? Integer.MAX_VALUE : i - last;
        }
        last = -1;
        for (int i = n - 1; i >= 0; i--) {
            if (lines.get(i) instanceof PromptLine.Control) {
                last = i;
            }
            if (last >= 0) {
                distance[i] = Math.min(distance[i], last - i);
            }
        }
        return distance;
    }

    private static String join(List<PromptLine> lines, String[] rendered, boolean[] alive) {
        // A frame whose content was all dropped loses its markers too.
        boolean[] show = alive.clone();
        List<Integer> openFrames = new ArrayList<>();
        List<Boolean> frameHasContent = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            PromptLine line = lines.get(i);
            if (line instanceof PromptLine.FrameStart) {
                openFrames.add(i);
                frameHasContent.add(false);
            } else if (line instanceof PromptLine.FrameEnd && !openFrames.isEmpty()) {
                int start = openFrames.remove(openFrames.size() - 1);
                boolean content = frameHasContent.remove(frameHasContent.size() - 1);
                show[start] = content;
                show[i] = content;
                if (content && !frameHasContent.isEmpty()) {
                    frameHasContent.set(frameHasContent.size() - 1, true);
                }
            } else if (alive[i] && !frameHasContent.isEmpty()) {
                frameHasContent.set(frameHasContent.size() - 1, true);
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (show[i]) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(rendered[i]);
            }
        }
        return out.toString();
    }
}
