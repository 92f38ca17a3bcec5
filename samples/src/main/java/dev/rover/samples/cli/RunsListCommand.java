package dev.rover.samples.cli;

import dev.rover.Rover;
import dev.rover.core.json.Json;
import dev.rover.core.run.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code rover runs list}: the most recent runs, one line each (id, status, title, created), or with
 * {@code --json} a JSON array of run responses (each as {@code rover runs show} prints it).
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List runs, most recent first.")
public final class RunsListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many runs (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print a JSON array of run responses instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, not " + limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Rover rover = data.open()) {
            List<Run> runs = rover.listRuns(limit);
            if (json) {
                out.println(Json.pretty(runs));
            } else if (runs.isEmpty()) {
                out.println("no runs in " + rover.dataDirectory());
            } else {
                out.printf(Locale.ROOT, "%-32s %-10s %-20s %s%n", "ID", "STATUS", "CREATED", "TITLE");
                for (Run run : runs) {
                    out.printf(Locale.ROOT, "%-32s %-10s %-20s %s%n", run.runId(), run.status().wireName(),
                            run.createdAt() == null ? "" : DateTimeFormatter.ISO_INSTANT.format(run.createdAt().truncatedTo(ChronoUnit.SECONDS)),
                            run.title() == null ? "" : run.title());
                }
            }
            out.flush();
            return 0;
        }
    }
}
