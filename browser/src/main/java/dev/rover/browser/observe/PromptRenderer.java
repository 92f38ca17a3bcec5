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

    private static final java.util.regex.Pattern LISTED_ID = java.util.regex.Pattern.compile("^<[a-z0-9-]+ id=\"([^\"]+)\"",
            java.util.regex.Pattern.MULTILINE);

    /** Room kept for the closing line about controls off screen. */
    private static final int OFF_SCREEN_NOTE_CHARS = 160;

    /**
     * The prompt text for these lines, at most {@link #budgetChars()} characters long. When controls
     * lie off screen, a last line says how many (above and below the visible area), how many of them
     * did not fit, and that scrolling reaches them.
     */
    public String render(List<PromptLine> lines) {
        boolean offScreen = lines.stream().anyMatch(l -> l instanceof PromptLine.Control c && !c.element().inViewport());
        if (!offScreen || budgetChars <= 2 * OFF_SCREEN_NOTE_CHARS) {
            return fit(lines, budgetChars);
        }
        int budget = budgetChars - OFF_SCREEN_NOTE_CHARS;
        String text = fit(lines, budget);
        String note = offScreenNote(lines, text);
        return note.isEmpty() ? text : text + "\n" + note;
    }

    /**
     * The closing line: controls off screen above the first visible one and below it, and how many of
     * them the prompt leaves out. Positions are read from the page order of the lines.
     */
    private static String offScreenNote(List<PromptLine> lines, String text) {
        int firstVisible = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) instanceof PromptLine.Control c && c.element().inViewport()) {
                firstVisible = i;
                break;
            }
        }
        java.util.Set<String> listed = new java.util.HashSet<>();
        java.util.regex.Matcher ids = LISTED_ID.matcher(text);
        while (ids.find()) {
            listed.add(ids.group(1));
        }
        int above = 0;
        int below = 0;
        int unlisted = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) instanceof PromptLine.Control c && !c.element().inViewport()) {
                if (firstVisible >= 0 && i < firstVisible) {
                    above++;
                } else {
                    below++;
                }
                if (!listed.contains(c.element().id())) {
                    unlisted++;
                }
            }
        }
        if (above + below == 0) {
            return "";
        }
        StringBuilder note = new StringBuilder("(off screen: ");
        if (above > 0) {
            note.append(above).append(" controls above");
        }
        if (below > 0) {
            note.append(above > 0 ? ", " : "").append(below).append(" below");
        }
        note.append(unlisted > 0 ? "; " + unlisted + " of them are not listed here" : "; all are listed");
        note.append(below > 0 && above > 0 ? "; scroll up or down to reach them)" : below > 0 ? "; scroll down to reach them)"
                : "; scroll up to reach them)");
        return note.toString();
    }

    private String fit(List<PromptLine> lines, int budgetChars) {
        Layout layout = new Layout(lines, budgetChars);
        if (layout.total - 1 > budgetChars) {
            int[] distance = distanceToNearestControl(lines);
            drop(layout, byDistance(lines, layout, distance, PromptLine.Text.class), budgetChars);
            drop(layout, byDistance(lines, layout, distance, PromptLine.Heading.class), budgetChars);
        }
        if (layout.total - 1 > budgetChars) {
            for (int i = 0; i < lines.size(); i++) {
                if (layout.alive[i] && lines.get(i) instanceof PromptLine.Control) {
                    layout.replace(i, ElementMarkup.line(lines.get(i), true));
                }
            }
        }
        if (layout.total - 1 > budgetChars) {
            drop(layout, controlsByDroppability(lines, layout), budgetChars);
        }
        String text = layout.join();
        if (text.length() > budgetChars) {
            text = text.substring(0, budgetChars - 1) + "\u2026";
        }
        return text;
    }

    private static void drop(Layout layout, List<Integer> order, int budgetChars) {
        for (int i : order) {
            if (layout.total - 1 <= budgetChars) {
                return;
            }
            layout.kill(i);
        }
    }

    private static List<Integer> byDistance(List<PromptLine> lines, Layout layout, int[] distance,
                                            Class<? extends PromptLine> kind) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (layout.alive[i] && kind.isInstance(lines.get(i))) {
                order.add(i);
            }
        }
        order.sort(Comparator.<Integer>comparingInt(i -> distance[i]).reversed()
                .thenComparing(Comparator.<Integer>reverseOrder()));
        return order;
    }

    /** Elements outside the viewport before those inside; within each group, the lowest on the page first. */
    private static List<Integer> controlsByDroppability(List<PromptLine> lines, Layout layout) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (layout.alive[i] && lines.get(i) instanceof PromptLine.Control) {
                order.add(i);
            }
        }
        order.sort(Comparator.<Integer, Boolean>comparing(i -> ((PromptLine.Control) lines.get(i)).element().inViewport())
                .thenComparing(Comparator.<Integer>reverseOrder()));
        return order;
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

    /**
     * The rendered lines, which are still shown, and their total size (each line plus a newline).
     * A frame's markers count only while something inside the frame is shown. A control the observer only
     * indexed counts as more than the whole budget: the observer indexes a control only when even the shortest
     * lines up to it spend the budget, so the page as read in full would not fit with it either, and the fitting
     * goes exactly as it would have with every control read in full (it is dropped, never shown).
     */
    private static final class Layout {
        final List<PromptLine> lines;
        final String[] rendered;
        /** What each line counts against the budget: its length and newline, or more than the budget when only indexed. */
        final long[] cost;
        final boolean[] alive;
        /** Index of the innermost enclosing FrameStart, or -1. */
        final int[] owner;
        /** For a FrameStart: alive lines and shown child frames directly inside it. */
        final int[] liveCount;
        /** For a FrameStart: the size of its start and end markers. */
        final int[] markerCost;
        long total;

        Layout(List<PromptLine> lines, int budgetChars) {
            this.lines = lines;
            int n = lines.size();
            rendered = new String[n];
            cost = new long[n];
            alive = new boolean[n];
            owner = new int[n];
            liveCount = new int[n];
            markerCost = new int[n];
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                PromptLine line = lines.get(i);
                rendered[i] = ElementMarkup.line(line, false);
                owner[i] = open.isEmpty() ? -1 : open.get(open.size() - 1);
                if (line instanceof PromptLine.FrameStart) {
                    open.add(i);
                    markerCost[i] += rendered[i].length() + 1;
                    total += rendered[i].length() + 1L;
                } else if (line instanceof PromptLine.FrameEnd) {
                    if (!open.isEmpty()) {
                        int start = open.remove(open.size() - 1);
                        owner[i] = start;
                        markerCost[start] += rendered[i].length() + 1;
                        total += rendered[i].length() + 1L;
                    }
                } else if (!repeatsNeighbourName(lines, i)) {
                    alive[i] = true;
                    cost[i] = line instanceof PromptLine.Control c && c.element().indexed() ? budgetChars + 2L
                            : rendered[i].length() + 1L;
                    total += cost[i];
                }
            }
            // Count content bottom-up: a frame counts for its parent when it has content itself.
            for (int i = n - 1; i >= 0; i--) {
                PromptLine line = lines.get(i);
                boolean counts = line instanceof PromptLine.FrameStart ? liveCount[i] > 0
                        : !(line instanceof PromptLine.FrameEnd) && alive[i];
                if (line instanceof PromptLine.FrameStart && liveCount[i] == 0) {
                    total -= markerCost[i];
                }
                if (counts && owner[i] >= 0) {
                    liveCount[owner[i]]++;
                }
            }
        }

        /** A label line next to the element it names says nothing the element's markup does not. */
        private static boolean repeatsNeighbourName(List<PromptLine> lines, int i) {
            if (!(lines.get(i) instanceof PromptLine.Text text)) {
                return false;
            }
            return namedBy(lines, i - 1, text.text()) || namedBy(lines, i + 1, text.text());
        }

        private static boolean namedBy(List<PromptLine> lines, int j, String text) {
            return j >= 0 && j < lines.size() && lines.get(j) instanceof PromptLine.Control control
                    && !control.element().name().isEmpty() && control.element().name().equals(text);
        }

        void kill(int i) {
            alive[i] = false;
            total -= cost[i];
            int frame = owner[i];
            while (frame >= 0) {
                liveCount[frame]--;
                if (liveCount[frame] > 0) {
                    return;
                }
                total -= markerCost[frame];
                frame = owner[frame];
            }
        }

        void replace(int i, String shorter) {
            if (!(lines.get(i) instanceof PromptLine.Control c && c.element().indexed())) {
                total += shorter.length() - rendered[i].length();
                cost[i] = shorter.length() + 1L;
            }
            rendered[i] = shorter;
        }

        String join() {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                PromptLine line = lines.get(i);
                boolean show;
                if (line instanceof PromptLine.FrameStart) {
                    show = liveCount[i] > 0;
                } else if (line instanceof PromptLine.FrameEnd) {
                    show = owner[i] >= 0 && lines.get(owner[i]) instanceof PromptLine.FrameStart && liveCount[owner[i]] > 0;
                } else {
                    show = alive[i];
                }
                if (show) {
                    if (out.length() > 0) {
                        out.append('\n');
                    }
                    out.append(rendered[i]);
                }
            }
            return out.toString();
        }
    }
}
