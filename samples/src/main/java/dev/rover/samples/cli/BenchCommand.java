package dev.rover.samples.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rover bench ...}: the browser benchmarks, printed to stdout. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure the page observer, concurrent browser runs and the offline engine's reading on this machine.",
        subcommands = {BenchObserveCommand.class, BenchConcurrencyCommand.class, BenchOfflineCommand.class, BenchReplayCommand.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
