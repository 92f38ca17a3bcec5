package dev.rover.samples.cli;

import dev.rover.Rover;
import dev.rover.core.script.BlockScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code rover scripts list}: every script with its key, newest revision and size, most recently changed first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List block scripts, most recently changed first.")
public final class ScriptsListCommand implements Callable<Integer> {

    private static final String ROW = "%-30s %-34s %-24s %-20s %8s %7s  %s%n";

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Rover rover = data.open()) {
            List<BlockScript> scripts = rover.scripts().list();
            if (scripts.isEmpty()) {
                out.println("no scripts in " + rover.dataDirectory() + "; every AI block the agent completes records one");
            } else {
                out.printf(Locale.ROOT, ROW, "ID", "WORKFLOW", "CACHE_KEY", "BLOCK", "REVISION", "ACTIONS", "UPDATED");
                for (BlockScript s : scripts) {
                    out.printf(Locale.ROOT, ROW, s.scriptId(), s.key().workflow(), s.key().cacheKey(), s.key().blockLabel(),
                            s.revision(), s.actions().size(),
                            DateTimeFormatter.ISO_INSTANT.format(s.createdAt().truncatedTo(ChronoUnit.SECONDS)));
                }
            }
            out.flush();
            return 0;
        }
    }
}
