package dev.rover.core.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One node of a run's timeline tree: a block, a step of a block, an action of a step, or a
 * thought (the engine's reasoning). Blocks hold steps, steps hold thoughts and actions.
 *
 * @param type          block, step, action or thought
 * @param label         block label, {@code step N}, or the action type
 * @param status        how it ended ({@code completed}, {@code failed}, ...; for actions {@code success}/{@code failed})
 * @param output        the block's output, or an action's details (JSON-shaped)
 * @param failureReason why it failed, or null
 * @param reasoning     the engine's reasoning for a step or action, or the thought itself
 * @param startedAt     when it started
 * @param finishedAt    when it ended, or null while running
 * @param artifactIds   artifacts recorded for it (screenshots after an action, prompts of a step)
 * @param children      nested entries
 */
public record TimelineEntry(
        Type type,
        String label,
        String status,
        Object output,
        String failureReason,
        String reasoning,
        Instant startedAt,
        Instant finishedAt,
        List<String> artifactIds,
        List<TimelineEntry> children) {

    /** The kinds of timeline nodes. */
    public enum Type {
        BLOCK, STEP, ACTION, THOUGHT;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Type fromWireName(String s) {
            return valueOf(s.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public TimelineEntry {
        artifactIds = artifactIds == null ? List.of() : List.copyOf(artifactIds);
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** How long it took, or null while running. Not serialised itself: JSON carries {@link #durationMs()}. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Duration duration() {
        return startedAt == null || finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }

    /**
     * How long it took in milliseconds, or null while running; written to JSON as {@code duration_ms} for
     * readers (reports, API clients) and ignored on read, since it always follows from the two timestamps.
     */
    @com.fasterxml.jackson.annotation.JsonProperty(value = "duration_ms",
            access = com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY)
    public Long durationMs() {
        Duration d = duration();
        return d == null ? null : d.toMillis();
    }

    /** This entry with one more child. */
    public TimelineEntry withChild(TimelineEntry child) {
        var all = new java.util.ArrayList<>(children);
        all.add(child);
        return new TimelineEntry(type, label, status, output, failureReason, reasoning, startedAt, finishedAt, artifactIds, all);
    }

    /** This entry, ended with a status and optional output and failure reason. */
    public TimelineEntry finished(String newStatus, Object newOutput, String newFailureReason, Instant at) {
        return new TimelineEntry(type, label, newStatus, newOutput, newFailureReason, reasoning, startedAt, at, artifactIds, children);
    }

    /** A convenience view of an action's details. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    @SuppressWarnings("unchecked")
    public Map<String, Object> details() {
        return output instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
