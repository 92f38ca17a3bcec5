package dev.rover.samples.cli;

import dev.rover.blocks.Rover;
import dev.rover.core.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code rover runs show ID}: the run response as JSON, as an API client would get it. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Print a run as JSON.")
public final class RunsShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Parameters(index = "0", paramLabel = "ID", description = "The run id (tsk_... or wr_...).")
    String runId;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Rover rover = data.open()) {
            out.println(Json.pretty(RunsCommand.find(rover, runId)));
            out.flush();
            return 0;
        }
    }
}
