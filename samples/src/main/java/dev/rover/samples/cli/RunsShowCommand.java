package dev.rover.samples.cli;

import dev.rover.Rover;
import dev.rover.core.json.Json;
import dev.rover.core.run.PausedRun;
import dev.rover.core.run.Run;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * {@code rover runs show ID}: the run response as JSON, as an API client would get it; for a paused run,
 * what it awaits and how to answer go to stderr so stdout stays JSON.
 */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Print a run as JSON.")
public final class RunsShowCommand extends SingleRunCommand {

    @Override
    int print(Rover rover, Run run, PrintWriter out, PrintWriter err) {
        out.println(Json.pretty(run));
        PausedRun.awaited(run).ifPresent(awaited -> err.println("run " + run.runId() + " is paused, awaiting: " + awaited
                + "\nanswer with: rover runs resume " + run.runId() + " [--reject] [--comment TEXT]"));
        return 0;
    }
}
