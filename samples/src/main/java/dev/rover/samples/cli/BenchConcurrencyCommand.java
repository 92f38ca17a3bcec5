package dev.rover.samples.cli;

import dev.rover.browser.BrowserOptions;
import dev.rover.browser.bench.ConcurrencyBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code rover bench concurrency}: runs per second and memory with 1, 4 and 8 concurrent browsers. */
@Command(name = "concurrency", mixinStandardHelpOptions = true,
        description = "Measure short scripted runs per second and memory at several browser concurrency levels.")
public final class BenchConcurrencyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--levels", split = ",", paramLabel = "N", defaultValue = "1,4,8",
            description = "Concurrency levels to measure (default ${DEFAULT-VALUE}).")
    List<Integer> levels;

    @Option(names = "--runs-per-browser", paramLabel = "N", defaultValue = "10",
            description = "Runs each browser performs per level (default ${DEFAULT-VALUE}).")
    int runsPerBrowser;

    @Override
    public Integer call() {
        ConcurrencyBenchmark benchmark = new ConcurrencyBenchmark(BrowserOptions.builder().tracing(false).build(),
                levels, runsPerBrowser);
        try (PrintStream out = WriterStream.to(spec.commandLine().getOut())) {
            benchmark.run(out);
        }
        return 0;
    }
}
