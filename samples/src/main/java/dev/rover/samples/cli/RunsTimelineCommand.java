package dev.rover.samples.cli;

import dev.rover.Rover;
import dev.rover.core.run.Run;
import dev.rover.core.run.TimelineEntry;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

/** {@code rover runs timeline ID}: blocks, steps, thoughts and actions as an indented tree. */
@Command(name = "timeline", mixinStandardHelpOptions = true, description = "Print a run's timeline as an indented tree.")
public final class RunsTimelineCommand extends SingleRunCommand {

    @Override
    int print(Rover rover, Run run, PrintWriter out, PrintWriter err) {
        List<TimelineEntry> timeline = rover.getRunTimeline(runId);
        if (timeline.isEmpty()) {
            out.println("run " + runId + " has no timeline entries yet");
        }
        TimelineLines.tree(timeline).forEach(out::println);
        return 0;
    }
}
