package dev.rover.samples.cli;

import dev.rover.blocks.Rover;
import dev.rover.core.run.TimelineEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rover runs timeline ID}: blocks, steps, thoughts and actions as an indented tree. */
@Command(name = "timeline", mixinStandardHelpOptions = true, description = "Print a run's timeline as an indented tree.")
public final class RunsTimelineCommand implements Callable<Integer> {

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
            RunsCommand.find(rover, runId);
            List<TimelineEntry> timeline = rover.getRunTimeline(runId);
            if (timeline.isEmpty()) {
                out.println("run " + runId + " has no timeline entries yet");
            }
            TimelineLines.tree(timeline).forEach(out::println);
            out.flush();
            return 0;
        }
    }
}
