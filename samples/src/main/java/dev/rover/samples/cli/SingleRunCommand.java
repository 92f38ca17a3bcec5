package dev.rover.samples.cli;

import dev.rover.Rover;
import dev.rover.core.run.Run;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * The shape every {@code rover runs} command about one run shares: open the data directory, find
 * the run (an unknown id is a usage error), then print something about it.
 */
abstract class SingleRunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Parameters(index = "0", paramLabel = "ID", description = "The run id (tsk_... or wr_...).")
    String runId;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Rover rover = data.open()) {
            int status = print(rover, RunsCommand.find(rover, runId), out, err);
            out.flush();
            err.flush();
            return status;
        }
    }

    /** Prints what the command shows about the run; returns the exit status. */
    abstract int print(Rover rover, Run run, PrintWriter out, PrintWriter err);

    private static final long POLL_MILLIS = 100;

    /** When a wait of {@code timeoutSeconds} (a {@code --timeout} option, at least 1) started now ends, in nanoTime. */
    static long deadline(int timeoutSeconds) {
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("--timeout must be at least 1 second, not " + timeoutSeconds);
        }
        return System.nanoTime() + java.time.Duration.ofSeconds(timeoutSeconds).toNanos();
    }

    /** The value {@code read} gives, read again every 100 ms until {@code done} accepts it or the deadline passes. */
    static <T> T pollUntil(T first, java.util.function.Supplier<T> read, java.util.function.Predicate<T> done, long deadline) {
        T now = first;
        while (!done.test(now) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the run", e);
            }
            now = read.get();
        }
        return now;
    }
}
