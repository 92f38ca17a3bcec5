package dev.rover.samples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.Objects;

/**
 * The {@code rover} command line: a thin root that only holds the subcommands (each in its own
 * class) and the shared behaviour every command gets, such as printing user errors without a stack trace.
 */
@Command(name = "rover",
        mixinStandardHelpOptions = true,
        versionProvider = RoverVersion.class,
        description = "AI browser automation: run and check Skyvern-compatible workflows.",
        subcommands = {ValidateCommand.class, RunCommand.class, TaskCommand.class, RunsCommand.class,
                CredentialsCommand.class, DemoCommand.class, BenchCommand.class, ServeCommand.class,
                McpCommand.class})
public final class RoverCli implements Runnable {

    /** Exit code for malformed input: bad arguments, unreadable or invalid files, unknown ids. */
    public static final int EXIT_USER_ERROR = 2;

    private final RoverSetup setup;

    @Spec
    CommandSpec spec;

    private RoverCli(RoverSetup setup) {
        this.setup = Objects.requireNonNull(setup, "setup");
    }

    /** Builds the command line with Rover's error handling; tests execute it with captured output. */
    public static CommandLine commandLine() {
        return commandLine(RoverSetup.fromProcess());
    }

    /** The command line with this environment and builder customisation (tests register engines here). */
    public static CommandLine commandLine(RoverSetup setup) {
        CommandLine commandLine = new CommandLine(new RoverCli(setup));
        commandLine.setExecutionExceptionHandler(new ErrorMessagePrinter());
        return commandLine;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** How the commands open Rover and read the environment. */
    RoverSetup setup() {
        return setup;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
