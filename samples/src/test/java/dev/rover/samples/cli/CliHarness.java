package dev.rover.samples.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Runs {@code rover} commands in-process with a test environment and captures stdout and stderr of each. */
final class CliHarness {

    /** One command's exit code and output. */
    record Result(int exitCode, String out, String err) {
    }

    private final Path dataDir;
    private final Map<String, String> environment;

    CliHarness(Path dataDir, Map<String, String> environment) {
        this.dataDir = dataDir;
        this.environment = environment;
    }

    /** Runs the command with {@code --data-dir} appended. */
    Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data-dir");
        all.add(dataDir.toString());
        return runExactly(all.toArray(String[]::new));
    }

    /** Runs the command with exactly these arguments. */
    Result runExactly(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = RoverCli.commandLine(new RoverSetup(environment, UnaryOperator.identity()));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Writes a workflow file next to the data directory. */
    Path workflow(String name, String yaml) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolveSibling("workflows"));
        return Files.writeString(dir.resolve(name), yaml);
    }
}
