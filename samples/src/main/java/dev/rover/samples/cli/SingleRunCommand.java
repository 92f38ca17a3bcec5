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
}
