package dev.rover.samples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code rover} command line: a thin root that only holds the subcommands (each in its own
 * class) and the shared behaviour every command gets, such as printing user errors without a stack trace.
 */
@Command(name = "rover",
        mixinStandardHelpOptions = true,
        versionProvider = RoverVersion.class,
        description = "AI browser automation: run and check Skyvern-compatible workflows.")
public final class RoverCli implements Runnable {

    /** Exit code for malformed input: bad arguments, unreadable or invalid files, unknown ids. */
    public static final int EXIT_USER_ERROR = 2;

    /**
     * The subcommands by name, in help order. Added programmatically: picocli builds a command's model
     * by reflection when it is added, so a process that runs one command builds only that one's.
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

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
        return commandLine(setup, SUBCOMMANDS.keySet());
    }

    /** The command line with only the named subcommands (unknown names are left out). */
    private static CommandLine commandLine(RoverSetup setup, Collection<String> names) {
        CommandLine commandLine = new CommandLine(new RoverCli(setup));
        for (String name : names) {
            Class<?> type = SUBCOMMANDS.get(name);
            if (type != null) {
                commandLine.addSubcommand(name, type);
            }
        }
        commandLine.setExecutionExceptionHandler(new ErrorMessagePrinter());
        return commandLine;
    }

    public static void main(String[] args) {
        // the command to run names itself first; anything else (help, a typo) gets every command
        boolean one = args.length > 0 && SUBCOMMANDS.containsKey(args[0]);
        CommandLine commandLine = one ? commandLine(RoverSetup.fromProcess(), List.of(args[0])) : commandLine();
        System.exit(commandLine.execute(args));
    }

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> all = new LinkedHashMap<>();
        all.put("validate", ValidateCommand.class);
        all.put("run", RunCommand.class);
        all.put("task", TaskCommand.class);
        all.put("runs", RunsCommand.class);
        all.put("credentials", CredentialsCommand.class);
        all.put("scripts", ScriptsCommand.class);
        all.put("demo", DemoCommand.class);
        all.put("bench", BenchCommand.class);
        all.put("serve", ServeCommand.class);
        all.put("mcp", McpCommand.class);
        return Collections.unmodifiableMap(all);
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
