package dev.rover.samples.cli;

import dev.rover.blocks.Rover;
import dev.rover.core.run.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code rover runs report ID}: where the run's HTML report is, to open in a browser. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Print the path of a run's HTML report.", "Exit status: 1 when the run has no report yet."})
public final class RunsReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Parameters(index = "0", paramLabel = "ID", description = "The run id (tsk_... or wr_...).")
    String runId;

    @Override
    public Integer call() {
        try (Rover rover = data.open()) {
            Run run = RunsCommand.find(rover, runId);
            Optional<Path> report = rover.reportPath(runId);
            if (report.isEmpty()) {
                spec.commandLine().getErr().println("run " + runId + " has no report yet (it is written when the run ends; status: "
                        + run.status().wireName() + ")");
                spec.commandLine().getErr().flush();
                return RunSummary.EXIT_NOT_COMPLETED;
            }
            spec.commandLine().getOut().println(report.get());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
