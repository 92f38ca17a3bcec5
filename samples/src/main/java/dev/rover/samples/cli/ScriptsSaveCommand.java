package dev.rover.samples.cli;

import dev.rover.Rover;
import dev.rover.core.script.BlockScript;
import dev.rover.core.script.ScriptDocuments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code rover scripts save ID FILE}: stores an edited YAML script (from {@code scripts show}) as the script's next
 * revision, which the next {@code run_with: code} run replays. Only the actions can change: what the script is cached
 * under stays, and an edit of an older revision than the newest is refused so a healed revision is never undone blindly.
 */
@Command(name = "save", mixinStandardHelpOptions = true,
        description = {"Store an edited script (YAML from 'rover scripts show') as its next revision.",
                "Exit status: 2 when the file is invalid (each problem is named by its field path),"
                        + " is another script, or was edited from an older revision."})
public final class ScriptsSaveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Parameters(index = "0", paramLabel = "ID", description = "The script's id (scr_...).")
    String scriptId;

    @Parameters(index = "1", paramLabel = "FILE", description = "The edited YAML.")
    Path file;

    @Override
    public Integer call() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        BlockScript edited = ScriptDocuments.fromYaml(text, file.toString());
        try (Rover rover = data.open()) {
            BlockScript current = ScriptsCommand.find(rover, scriptId, null);
            if (!edited.scriptId().equals(scriptId)) {
                throw new IllegalArgumentException(file + " holds script " + edited.scriptId() + ", not " + scriptId);
            }
            if (!edited.key().equals(current.key())) {
                throw new IllegalArgumentException(file + ": workflow, cache_key and block_label say what the script is"
                        + " cached under and cannot be edited; they must stay " + current.key().workflow() + ", '"
                        + current.key().cacheKey() + "' and " + current.key().blockLabel());
            }
            if (ScriptDocuments.sameActions(edited.actions(), current.actions())) {
                spec.commandLine().getOut().println("unchanged: " + scriptId + " revision " + current.revision()
                        + " already has these actions");
                spec.commandLine().getOut().flush();
                return 0;
            }
            if (edited.revision() < current.revision()) {
                throw new IllegalArgumentException(file + " was edited from revision " + edited.revision() + " but script "
                        + scriptId + " is at revision " + current.revision() + " now; show it again and redo the edit");
            }
            BlockScript saved = rover.scripts().save(current.key(), edited.actions(), null);
            spec.commandLine().getOut().println("saved " + scriptId + " revision " + saved.revision() + " ("
                    + saved.actions().size() + " actions)");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
