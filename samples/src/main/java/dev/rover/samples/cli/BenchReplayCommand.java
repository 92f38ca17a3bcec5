package dev.rover.samples.cli;

import dev.rover.samples.replay.ReplayBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code rover bench replay}: a replayed run against the agent and against hand-written Playwright for Java. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Measure a 10-action form flow replayed from its cached script against hand-written Playwright, and healing after a page change.")
public final class BenchReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "20",
            description = "Timed replays and hand-written runs, compared by their medians (default ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() {
        Path data;
        try {
            data = Files.createTempDirectory("rover-bench-replay");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the benchmark's data directory", e);
        }
        try (PrintStream out = WriterStream.to(spec.commandLine().getOut())) {
            new ReplayBenchmark(runs, data).run(out);
        }
        return 0;
    }
}
