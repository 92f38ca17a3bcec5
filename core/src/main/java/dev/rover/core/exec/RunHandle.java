package dev.rover.core.exec;

import dev.rover.core.error.RoverException;
import dev.rover.core.error.RunTimeoutException;

import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A run started in the background: its id, a way to cancel it, and its final {@link Run} once it
 * reaches a terminal status.
 */
public final class RunHandle {

    private final RunId runId;
    private final CompletableFuture<Run> result;
    private final Runnable canceler;
    private final Supplier<Run> current;

    RunHandle(RunId runId, CompletableFuture<Run> result, Runnable canceler, Supplier<Run> current) {
        this.runId = runId;
        this.result = result;
        this.canceler = canceler;
        this.current = current;
    }

    public RunId runId() {
        return runId;
    }

    /** Asks the run to stop; it ends {@code canceled} (at once when it has not started yet). */
    public void cancel() {
        canceler.run();
    }

    /** True once the run is terminal. */
    public boolean isDone() {
        return result.isDone();
    }

    /** Completes with the terminal run. Completing or canceling the returned future does not affect the run. */
    public CompletableFuture<Run> future() {
        return result.copy();
    }

    /** The run as it stands now (its stored record). */
    public Run current() {
        return current.get();
    }

    /**
     * Waits for the terminal run, with its record complete (report written, webhook sent).
     *
     * @throws RunTimeoutException when the run has not ended within the timeout; the run goes on
     */
    public Run await(Duration timeout) throws InterruptedException {
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new RunTimeoutException(current(), timeout);
        } catch (ExecutionException e) {
            throw new RoverException("run " + runId + " ended without a result: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }
}
