package dev.rover.samples.cli;

import dev.rover.Rover;
import dev.rover.core.json.Json;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunError;
import dev.rover.core.run.RunStatus;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a person wants to see once a run has ended: its id and status, why it did not complete,
 * its output as pretty JSON and where its report is; or, with {@code --json}, the run response
 * itself. Also maps the run's status to the command's exit code.
 */
final class RunSummary {

    /** Exit code of a run that ended other than completed. */
    static final int EXIT_NOT_COMPLETED = 1;

    private RunSummary() {
    }

    /** Prints the run to {@code out} as JSON or as a short summary; returns the exit code for it. */
    static int print(Rover rover, Run run, boolean json, PrintWriter out) {
        if (json) {
            out.println(Json.pretty(run));
        } else {
            printHuman(run, report(rover, run), out);
        }
        out.flush();
        return exitCode(run);
    }

    /** 0 when the run completed, 1 otherwise. */
    static int exitCode(Run run) {
        return run.status() == RunStatus.COMPLETED ? 0 : EXIT_NOT_COMPLETED;
    }

    /** The summary lines of a finished run. */
    static void printHuman(Run run, Optional<Path> report, PrintWriter out) {
        out.println("run:     " + run.runId() + (run.title() == null ? "" : " (" + run.title() + ")"));
        out.println("status:  " + run.status().wireName());
        if (run.failureReason() != null && !run.failureReason().isBlank()) {
            out.println("reason:  " + run.failureReason());
        }
        for (RunError error : run.errors()) {
            out.println("error:   " + Json.compact(error));
        }
        if (run.output() != null) {
            out.println("output:");
            Json.pretty(run.output()).lines().forEach(line -> out.println("  " + line));
        }
        out.println("report:  " + report.map(Path::toString).orElse("(none yet)"));
    }

    private static Optional<Path> report(Rover rover, Run run) {
        return rover.reportPath(run.runId().toString());
    }
}
