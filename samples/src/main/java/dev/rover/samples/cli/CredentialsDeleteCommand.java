package dev.rover.samples.cli;

import dev.rover.Rover;
import dev.rover.core.secret.Credential;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code rover credentials delete NAME_OR_ID}: removes a stored credential. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Delete a stored credential by name or id.", "Exit status: 2 when there is no such credential."})
public final class CredentialsDeleteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Parameters(index = "0", paramLabel = "NAME_OR_ID", description = "The credential's name or id (cred_...).")
    String nameOrId;

    @Override
    public Integer call() {
        try (Rover rover = data.open()) {
            Credential credential = rover.credentials().find(nameOrId).orElseThrow(() -> new IllegalArgumentException(
                    "no credential with name or id '" + nameOrId + "' in " + rover.dataDirectory()));
            rover.credentials().delete(credential.id());
            spec.commandLine().getOut().println("deleted " + credential.id() + " (" + credential.name() + ")");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
