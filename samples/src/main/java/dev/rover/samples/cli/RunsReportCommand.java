package dev.rover.samples.cli;

import dev.rover.Rover;
import dev.rover.core.run.Run;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** {@code rover runs report ID}: where the run's HTML report is, to open in a browser. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Print the path of a run's HTML report.", "A paused run gets a report of it so far, saying what it awaits.", "Exit status: 1 when the run has no report yet."})
public final class RunsReportCommand extends SingleRunCommand {

    @Override
    int print(Rover rover, Run run, PrintWriter out, PrintWriter err) {
        Optional<Path> report = rover.reportPath(runId);
        if (report.isEmpty()) {
            err.println("run " + runId + " has no report yet (it is written when the run ends; status: "
                    + run.status().wireName() + ")");
            return RunSummary.EXIT_NOT_COMPLETED;
        }
        out.println(report.get());
        return 0;
    }
}
