package dev.rover.core.error;

import dev.rover.core.run.Run;

import java.time.Duration;

/**
 * A wait for a run's end ran out before the run ended. The run goes on; {@link #run()} is how it
 * stood when the wait gave up, and its id can be awaited, read or canceled later.
 */
public class RunTimeoutException extends RoverException {

    private final transient Run run;
    private final Duration waited;

    public RunTimeoutException(Run run, Duration waited) {
        super("run " + run.runId() + " is still " + run.status().wireName() + " after waiting " + describe(waited)
                + "; it goes on: wait again, read it with getRun, or cancel it");
        this.run = run;
        this.waited = waited;
    }

    /** The run as it stood when the wait ran out. */
    public Run run() {
        return run;
    }

    /** How long the caller waited. */
    public Duration waited() {
        return waited;
    }

    private static String describe(Duration d) {
        long seconds = d.toSeconds();
        return seconds >= 1 ? seconds + " s" : d.toMillis() + " ms";
    }
}
