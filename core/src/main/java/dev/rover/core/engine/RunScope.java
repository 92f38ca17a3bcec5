package dev.rover.core.engine;


import java.util.Objects;
import java.util.function.Function;

/**
 * What an engine needs from the run it serves: the meter that counts usage against the run's
 * budget, the listener that records prompts and responses, and the redactor applied to their
 * text first (secrets are placeholders already; this is the second line of defence).
 */
public record RunScope(UsageMeter meter, LlmCallListener listener, Function<String, String> redactor) {

    public RunScope {
        Objects.requireNonNull(meter, "meter");
        listener = listener == null ? LlmCallListener.NONE : listener;
        redactor = redactor == null ? Function.identity() : redactor;
    }

    /** A scope that only meters usage. */
    public static RunScope of(UsageMeter meter) {
        return new RunScope(meter, LlmCallListener.NONE, Function.identity());
    }
}
