package dev.rover.core.exec;

import dev.rover.core.run.CancellationToken;

import dev.rover.core.run.RunStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Why a run should stop early, if it should: canceled by the user or out of time. Both wake the
 * run's {@link CancellationToken}; the first reason wins, so a time-out is never reported as a cancel.
 */
final class RunControl {

    private final CancellationToken token = new CancellationToken();
    private final AtomicReference<RunStatus> stopReason = new AtomicReference<>();
    private final Clock clock;
    private final Duration limit;
    private volatile Instant deadline;

    RunControl(Clock clock, Duration limit) {
        this.clock = clock;
        this.limit = limit;
        this.deadline = clock.instant().plus(limit);
    }

    CancellationToken token() {
        return token;
    }

    Duration limit() {
        return limit;
    }

    Instant deadline() {
        return deadline;
    }

    /** Starts the clock: the deadline is the limit from now. */
    void started() {
        deadline = clock.instant().plus(limit);
    }

    /** The user asked the run to stop. */
    void cancel() {
        stopReason.compareAndSet(null, RunStatus.CANCELED);
        token.cancel();
    }

    /** The deadline passed. */
    void timeOut() {
        stopReason.compareAndSet(null, RunStatus.TIMED_OUT);
        token.cancel();
    }

    /** CANCELED or TIMED_OUT when the run must stop (checking the deadline too), empty otherwise. */
    Optional<RunStatus> stopRequested() {
        if (stopReason.get() == null && !clock.instant().isBefore(deadline)) {
            timeOut();
        }
        return Optional.ofNullable(stopReason.get());
    }

    /** The failure reason of a run stopped for this reason. */
    String reason(RunStatus status) {
        return status == RunStatus.TIMED_OUT
                ? "the run exceeded its time limit of " + describe(limit)
                : "the run was canceled";
    }

    static String describe(Duration d) {
        long millis = d.toMillis();
        if (millis % 60_000 == 0) {
            long minutes = millis / 60_000;
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " seconds";
        }
        return millis + " ms";
    }
}
