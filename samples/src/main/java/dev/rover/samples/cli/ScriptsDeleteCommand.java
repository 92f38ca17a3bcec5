package dev.rover.samples.cli;

import dev.rover.Rover;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code rover scripts delete ID}: removes a script with all its revisions; the next agent run records it again. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Delete a block script with all its revisions (the next run records the block again).",
                "Exit status: 2 when there is no such script."})
public final class ScriptsDeleteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Parameters(index = "0", paramLabel = "ID", description = "The script's id (scr_...).")
    String scriptId;

    @Override
    public Integer call() {
        try (Rover rover = data.open()) {
            int revisions = rover.scripts().revisions(scriptId).size();
            if (!rover.scripts().delete(scriptId)) {
                throw ScriptsCommand.unknown(rover, scriptId);
            }
            spec.commandLine().getOut().println("deleted " + scriptId + " (" + revisions + (revisions == 1 ? " revision)" : " revisions)"));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
