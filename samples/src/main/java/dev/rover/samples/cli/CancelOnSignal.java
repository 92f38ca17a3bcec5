package dev.rover.samples.cli;

import dev.rover.Rover;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Owns the {@link Rover} of a command that waits for runs ({@code run}, {@code task}) and ends those
 * runs cleanly when the process is asked to stop (Ctrl-C, SIGTERM): a JVM shutdown hook closes Rover,
 * which cancels each active run and records it as {@code canceled} with its report, recording and
 * webhook, and waits for that at most {@link #GRACE} so the process still exits within 5 seconds.
 * Without it the run stayed {@code running} until a later command marked it interrupted.
 */
final class CancelOnSignal implements AutoCloseable {

    /** How long the hook waits for the runs to be recorded before the JVM exits anyway. */
    static final Duration GRACE = Duration.ofMillis(4_500);

    private static final Logger LOG = LoggerFactory.getLogger(CancelOnSignal.class);
    private static final AtomicBoolean STOPPING = new AtomicBoolean();

    private final Rover rover;
    private final PrintWriter err;
    private final Thread hook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CancelOnSignal(Rover rover, PrintWriter err) {
        this.rover = Objects.requireNonNull(rover, "rover");
        this.err = err;
        this.hook = new Thread(this::stopRuns, "rover-cancel-on-signal");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Guards this Rover until {@link #close()}; closing the guard closes Rover. */
    static CancelOnSignal guard(Rover rover, PrintWriter err) {
        return new CancelOnSignal(rover, err);
    }

    Rover rover() {
        return rover;
    }

    /**
     * True once a stop signal is being handled: the command's own thread may then fail because Rover
     * was closed under it, which is expected and not worth a message.
     */
    static boolean isStopping() {
        return STOPPING.get();
    }

    /** The shutdown hook: cancel and record the runs, waiting at most {@link #GRACE}. */
    private void stopRuns() {
        if (closed.get()) {
            return;
        }
        STOPPING.set(true);
        err.println("rover: stopping: canceling runs in progress");
        err.flush();
        Thread closer = new Thread(this::closeRover, "rover-close-on-signal");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            err.println("rover: runs were not fully recorded within " + GRACE.toMillis() + " ms; exiting anyway");
            err.flush();
        }
    }

    private void closeRover() {
        if (closed.compareAndSet(false, true)) {
            try {
                rover.close();
            } catch (RuntimeException e) {
                LOG.warn("closing Rover after a stop signal failed: {}", e.getMessage(), e);
            }
        }
    }

    /** The command ended normally: no more signal handling, and Rover is closed here. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return; // the hook is closing Rover; the JVM exits when it is done
        }
        closeRover();
    }
}
