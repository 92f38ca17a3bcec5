package dev.rover.samples.cli;

import dev.rover.Rover;
import dev.rover.core.script.BlockScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.List;

/** {@code rover scripts ...}: the block scripts cached replay ({@code run_with: code}) recorded, readable and editable. */
@Command(name = "scripts",
        mixinStandardHelpOptions = true,
        description = "Read, edit, delete and export the block scripts of cached replay (run_with: code).",
        subcommands = {ScriptsListCommand.class, ScriptsShowCommand.class, ScriptsSaveCommand.class,
                ScriptsDeleteCommand.class, ScriptsExportCommand.class})
public final class ScriptsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** The script's newest revision, or the given one; an unknown id or revision is a usage error (exit 2). */
    static BlockScript find(Rover rover, String scriptId, Integer revision) {
        List<BlockScript> revisions = rover.scripts().revisions(scriptId);
        if (revisions.isEmpty()) {
            throw unknown(rover, scriptId);
        }
        if (revision == null) {
            return revisions.get(revisions.size() - 1);
        }
        return revisions.stream().filter(s -> s.revision() == revision).findFirst().orElseThrow(() ->
                new IllegalArgumentException("script " + scriptId + " has no revision " + revision + "; it has revisions "
                        + String.join(", ", revisions.stream().map(s -> String.valueOf(s.revision())).toList())));
    }

    /** The usage error for a script id the data directory does not hold. */
    static IllegalArgumentException unknown(Rover rover, String scriptId) {
        return new IllegalArgumentException("no script '" + scriptId + "' in " + rover.dataDirectory()
                + "; list them with: rover scripts list");
    }
}
