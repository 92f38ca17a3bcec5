package dev.rover.samples.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rover credentials ...}: the encrypted credential vault in the data directory. */
@Command(name = "credentials",
        mixinStandardHelpOptions = true,
        description = "Manage stored logins: add, list (never values), delete.",
        subcommands = {CredentialsAddCommand.class, CredentialsListCommand.class, CredentialsDeleteCommand.class})
public final class CredentialsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
