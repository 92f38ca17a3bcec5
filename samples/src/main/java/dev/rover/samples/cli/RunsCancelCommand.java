package dev.rover.samples.cli;

import dev.rover.Rover;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code rover runs cancel ID}: cancels a queued or running run, also one another {@code rover} process
 * executes on the same database (it sees the request within about a second), and waits until the run
 * has ended and its report is written.
 */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = {"Cancel a queued or running run (also one another process runs) and wait until it has ended.",
                "Exit status: 0 when the run ends canceled (or had already ended), 1 when it ends otherwise or is"
                        + " still active after --timeout."})
public final class RunsCancelCommand extends SingleRunCommand {

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for the run to end (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    int print(Rover rover, Run run, PrintWriter out, PrintWriter err) {
        long deadline = deadline(timeoutSeconds);
        if (run.status().isTerminal()) {
            out.println("run " + runId + " had already ended: " + run.status().wireName());
            return 0;
        }
        Run now = pollUntil(rover.cancelRun(runId), () -> RunsCommand.find(rover, runId), r -> r.status().isTerminal(), deadline);
        if (!now.status().isTerminal()) {
            err.println("asked run " + runId + " to cancel, but it is still " + now.status().wireName() + " after "
                    + timeoutSeconds + " s; the process running it may be gone (its lease then lapses and the run"
                    + " is marked failed)");
            return RunSummary.EXIT_NOT_COMPLETED;
        }
        Optional<Path> report = pollUntil(rover.reportPath(runId), () -> rover.reportPath(runId), Optional::isPresent, deadline);
        out.println("run:     " + runId);
        out.println("status:  " + now.status().wireName());
        out.println("report:  " + report.map(Path::toString).orElse("(none yet)"));
        return now.status() == RunStatus.CANCELED ? 0 : RunSummary.EXIT_NOT_COMPLETED;
    }

}
