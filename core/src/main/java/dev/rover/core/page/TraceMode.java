package dev.rover.core.page;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When a run records a Playwright trace (screenshots and DOM snapshots): recording costs a good part
 * of a run's time, so by default a trace is kept only for a run that did not complete, where it
 * explains what went wrong. Set with {@code ROVER_TRACE}, the builder, or a workflow's {@code trace} setting.
 */
public enum TraceMode {
    /** Record every run and keep the trace only when the run does not complete. */
    ON_FAILURE("on-failure"),
    /** Record and keep the trace of every run. */
    ALWAYS("always"),
    /** Record nothing. */
    OFF("off");

    private final String text;

    TraceMode(String text) {
        this.text = text;
    }

    /** How it is written: {@code on-failure}, {@code always} or {@code off}. */
    public String text() {
        return text;
    }

    /** Whether a trace is recorded at all. */
    public boolean records() {
        return this != OFF;
    }

    /** Whether the trace of a run that ended completed (or not) is kept. */
    public boolean keeps(boolean completed) {
        return this == ALWAYS || this == ON_FAILURE && !completed;
    }

    /** Parses {@code on-failure}, {@code always} or {@code off} (case and {@code _}/{@code -} ignored); empty for anything else. */
    public static Optional<TraceMode> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normal = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(m -> m.text.equals(normal)).findFirst();
    }

    /** Parses a mode or fails naming where the value came from and the allowed values. */
    public static TraceMode require(String value, String source) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException(source + " must be one of " + allowed()
                + ", not '" + value + "'"));
    }

    /** The allowed spellings, for messages. */
    public static String allowed() {
        return Arrays.stream(values()).map(TraceMode::text).collect(Collectors.joining(", "));
    }
}
