package dev.rover.samples.cli;

import dev.rover.Rover;
import dev.rover.core.script.ScriptDocuments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code rover scripts show ID [--revision N]}: a script revision as YAML, the form {@code scripts save} reads back. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Print a block script as YAML (edit it and store it with: rover scripts save ID FILE).",
                "Exit status: 2 when there is no such script or revision."})
public final class ScriptsShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Parameters(index = "0", paramLabel = "ID", description = "The script's id (scr_...).")
    String scriptId;

    @Option(names = "--revision", paramLabel = "N", description = "The revision to show (default: the newest).")
    Integer revision;

    @Override
    public Integer call() {
        try (Rover rover = data.open()) {
            spec.commandLine().getOut().print(ScriptDocuments.toYaml(ScriptsCommand.find(rover, scriptId, revision)));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
