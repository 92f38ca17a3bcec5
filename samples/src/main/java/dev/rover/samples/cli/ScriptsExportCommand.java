package dev.rover.samples.cli;

import dev.rover.Rover;
import dev.rover.core.script.BlockScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code rover scripts export ID --java}: the script as a plain Playwright for Java program that needs no Rover,
 * on stdout or in a file. Parameter and credential values are never written into it: the program reads them from
 * its arguments or the environment.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a block script as a plain Playwright for Java class (no Rover needed to run it).",
                "Exit status: 2 when there is no such script or the class name is not valid."})
public final class ScriptsExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Parameters(index = "0", paramLabel = "ID", description = "The script's id (scr_...).")
    String scriptId;

    @Option(names = "--java", required = true, description = "Write Java source using Playwright for Java.")
    boolean java;

    @Option(names = "--class", paramLabel = "NAME",
            description = "The class name (default: from the --out file name, else from the block label).")
    String className;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the source to this file instead of stdout.")
    Path out;

    @Option(names = "--revision", paramLabel = "N", description = "The revision to export (default: the newest).")
    Integer revision;

    @Override
    public Integer call() {
        String fromFile = out == null ? null : out.getFileName().toString().replaceFirst("\\.java$", "");
        if (className != null && out != null && out.getFileName().toString().endsWith(".java") && !className.equals(fromFile)) {
            throw new IllegalArgumentException("--class " + className + " must match the file name of --out " + out
                    + " (a public Java class lives in a file of its name)");
        }
        try (Rover rover = data.open()) {
            BlockScript script = ScriptsCommand.find(rover, scriptId, revision);
            String name = className != null ? className : fromFile != null ? fromFile : PlaywrightJavaExport.defaultClassName(script);
            String source = PlaywrightJavaExport.source(script, name);
            if (out == null) {
                spec.commandLine().getOut().print(source);
            } else {
                write(source);
                spec.commandLine().getOut().println("wrote " + out + " (class " + name + ", " + script.actions().size()
                        + " actions); run it with the Playwright jars: java " + name + " START_URL");
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    private void write(String source) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
