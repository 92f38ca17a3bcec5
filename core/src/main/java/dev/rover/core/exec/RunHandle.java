package dev.rover.core.exec;

import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A run started in the background: its id, a way to cancel it, and its final {@link Run} once it
 * reaches a terminal status.
 */
public final class RunHandle {

    private final RunId runId;
    private final CompletableFuture<Run> result;
    private final Runnable canceler;

    RunHandle(RunId runId, CompletableFuture<Run> result, Runnable canceler) {
        this.runId = runId;
        this.result = result;
        this.canceler = canceler;
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

    /**
     * Waits for the terminal run.
     *
     * @throws TimeoutException when the run is still going after the timeout
     */
    public Run await(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("run " + runId + " ended without a result: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }
}
