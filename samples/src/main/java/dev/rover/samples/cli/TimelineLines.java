package dev.rover.samples.cli;

import dev.rover.core.run.TimelineEntry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One readable line per timeline entry, shared by the live progress on stderr and {@code rover runs
 * timeline}, so a run reads the same while it runs and afterwards.
 */
final class TimelineLines {

    /** Longest reasoning or failure text shown on one line. */
    static final int MAX_TEXT = 120;

    private TimelineLines() {
    }

    /** The whole tree, two spaces of indentation per level. */
    static List<String> tree(List<TimelineEntry> timeline) {
        List<String> lines = new ArrayList<>();
        addTree(timeline, 0, lines);
        return lines;
    }

    private static void addTree(List<TimelineEntry> entries, int depth, List<String> lines) {
        for (TimelineEntry entry : entries) {
            lines.add(indent(depth) + describe(entry));
            addTree(entry.children(), depth + 1, lines);
        }
    }

    /** An entry as it stands: a block or step with its status and duration, an action with its target and result. */
    static String describe(TimelineEntry entry) {
        return switch (entry.type()) {
            case BLOCK -> blockEnd(entry);
            case STEP -> step(entry);
            case ACTION -> action(entry);
            case THOUGHT -> "thought: " + shorten(entry.reasoning());
        };
    }

    /** {@code block LABEL started}. */
    static String blockStart(TimelineEntry block) {
        return "block " + block.label() + " started";
    }

    /** {@code block LABEL completed (1.2 s)}, with the failure reason when there is one. */
    static String blockEnd(TimelineEntry block) {
        return "block " + block.label() + " " + status(block) + duration(block) + failure(block);
    }

    /** {@code step 2 completed (0.8 s) - reasoning}. */
    static String step(TimelineEntry step) {
        String reasoning = step.reasoning() == null || step.reasoning().isBlank() ? "" : " - " + shorten(step.reasoning());
        return step.label() + " " + status(step) + duration(step) + failure(step) + reasoning;
    }

    /** {@code input_text #a12 "text" -> success}. */
    static String action(TimelineEntry action) {
        Map<String, Object> d = action.details();
        StringBuilder line = new StringBuilder(action.label());
        if (d.get("id") != null) {
            line.append(" #").append(d.get("id"));
        } else if (d.get("selector") != null) {
            line.append(' ').append(d.get("selector"));
        }
        appendDetail(line, d, "text", true);
        if (d.get("option") instanceof Map<?, ?> option && !option.isEmpty()) {
            Object shown = option.get("label") != null ? option.get("label")
                    : option.get("value") != null ? option.get("value") : "index " + option.get("index");
            line.append(" \"").append(shorten(String.valueOf(shown))).append('"');
        }
        appendDetail(line, d, "checked", false);
        appendDetail(line, d, "file_url", true);
        appendDetail(line, d, "key", false);
        appendDetail(line, d, "direction", false);
        appendDetail(line, d, "seconds", false);
        appendDetail(line, d, "url", false);
        if (d.get("downloads") instanceof List<?> downloads && !downloads.isEmpty()) {
            line.append(" downloaded ").append(downloads);
        }
        line.append(" -> ").append(status(action)).append(failure(action));
        return line.toString();
    }

    private static void appendDetail(StringBuilder line, Map<String, Object> details, String key, boolean quoted) {
        Object value = details.get(key);
        if (value == null) {
            return;
        }
        String text = shorten(String.valueOf(value));
        line.append(' ');
        if (quoted) {
            line.append('"').append(text).append('"');
        } else {
            line.append(key).append('=').append(text);
        }
    }

    private static String status(TimelineEntry entry) {
        return entry.status() == null ? "running" : entry.status();
    }

    private static String duration(TimelineEntry entry) {
        Duration d = entry.duration();
        return d == null ? "" : " (" + seconds(d) + ")";
    }

    private static String failure(TimelineEntry entry) {
        return entry.failureReason() == null || entry.failureReason().isBlank() ? "" : ": " + shorten(entry.failureReason());
    }

    /** {@code 1.2 s}. */
    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    static String indent(int depth) {
        return "  ".repeat(depth);
    }

    /** The text on one line, cut at {@link #MAX_TEXT} characters. */
    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_TEXT ? oneLine : oneLine.substring(0, MAX_TEXT - 3) + "...";
    }
}
