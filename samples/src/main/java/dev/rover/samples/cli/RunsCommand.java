package dev.rover.samples.cli;

import dev.rover.Rover;
import dev.rover.core.run.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rover runs ...}: look at recorded runs; each subcommand is its own class. */
@Command(name = "runs",
        mixinStandardHelpOptions = true,
        description = "Inspect, cancel and resume recorded runs: list, show, timeline, artifacts, report, cancel, resume.",
        subcommands = {RunsListCommand.class, RunsShowCommand.class, RunsTimelineCommand.class,
                RunsArtifactsCommand.class, RunsReportCommand.class, RunsCancelCommand.class,
                RunsResumeCommand.class})
public final class RunsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** The run with this id; an unknown or malformed id is a usage error saying {@code no run ID}. */
    static Run find(Rover rover, String runId) {
        try {
            return rover.getRun(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no run " + runId, e);
        }
    }
}
