package dev.rover.samples.cli;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import dev.rover.browser.BrowserOptions;
import dev.rover.browser.ChromiumLocator;
import dev.rover.browser.bench.ObserveBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code rover bench observe}: the page observer against Playwright's ARIA snapshot, in one headless Chromium. */
@Command(name = "observe", mixinStandardHelpOptions = true,
        description = {"Measure the page observer (time, prompt size, recall) against Playwright's ARIA snapshot.",
                "The last line is RESULT observe_ratio=... prompt_ratio=... recall=..."})
public final class BenchObserveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "" + ObserveBenchmark.DEFAULT_ITERATIONS,
            description = "Iterations per page (default ${DEFAULT-VALUE}).")
    int iterations;

    @Override
    public Integer call() {
        if (iterations < 1) {
            throw new IllegalArgumentException("--iterations must be at least 1, not " + iterations);
        }
        Optional<Path> chromium = new ChromiumLocator().locate();
        Playwright.CreateOptions create = new Playwright.CreateOptions();
        if (chromium.isPresent()) {
            create.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
        }
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions().setHeadless(true).setArgs(BrowserOptions.QUIET_FLAGS);
        chromium.ifPresent(launch::setExecutablePath);
        try (Playwright playwright = Playwright.create(create);
             Browser browser = playwright.chromium().launch(launch);
             PrintStream out = WriterStream.to(spec.commandLine().getOut())) {
            new ObserveBenchmark(browser).run(out, iterations);
        }
        return 0;
    }
}
