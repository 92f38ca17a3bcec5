package dev.rover.samples.cli;

import dev.rover.Rover;
import dev.rover.core.json.Json;
import dev.rover.core.run.Run;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** {@code rover runs show ID}: the run response as JSON, as an API client would get it. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Print a run as JSON.")
public final class RunsShowCommand extends SingleRunCommand {

    @Override
    int print(Rover rover, Run run, PrintWriter out, PrintWriter err) {
        out.println(Json.pretty(run));
        return 0;
    }
}
