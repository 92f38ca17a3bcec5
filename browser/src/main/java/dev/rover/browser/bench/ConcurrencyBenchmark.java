package dev.rover.browser.bench;

import com.sun.net.httpserver.HttpServer;
import dev.rover.browser.BrowserOptions;
import dev.rover.browser.LiveBrowser;
import dev.rover.browser.observe.ObserveOptions;
import dev.rover.browser.run.PlaywrightRunBrowser;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Measures how many short runs per second Rover sustains with 1, 4 and 8 concurrent runs, and the
 * memory that costs (Chromium, Playwright's Node drivers and the JVM), so capacity can be planned; and
 * compares Rover with the same script as plain Playwright for Java in the same process. Each run is
 * a fresh browser context doing a 5-action script (goto, input, input, select, click) against a page
 * served on 127.0.0.1, as a run of Rover does (its step ending with the step's screenshot, which plain
 * Playwright does not take; the engine's observation is left out of both). Ends with a {@code RESULT} line of the ratios.
 */
public final class ConcurrencyBenchmark {

    /** One measured concurrency level. */
    public record Measurement(int concurrency, int runs, int failedActions, Duration elapsed,
                              long peakHeapBytes, long peakChromiumRssBytes, long peakTotalBytes, double runSeconds,
                              double stepSeconds) {
        /** Completed runs per second. */
        public double runsPerSecond() {
            return elapsed.isZero() ? 0 : runs / (elapsed.toNanos() / 1e9);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ConcurrencyBenchmark.class);
    private static final String PAGE = """
            <!doctype html><html><head><title>Bench</title></head><body>
            <form onsubmit="event.preventDefault(); document.getElementById('out').textContent = 'sent';">
            <input data-rover-id="b1" name="name"><input data-rover-id="b2" name="email" type="email">
            <select data-rover-id="b3"><option>France</option><option>Japan</option></select>
            <button data-rover-id="b4" type="submit">Send</button></form><p id="out"></p></body></html>
            """;

    private final BrowserOptions options;
    private final List<Integer> concurrencyLevels;
    private final int runsPerBrowser;


    /** Rover against plain Playwright at concurrency 1: seconds per run and per 4-action step. */
    public record Comparison(double roverRunSeconds, double plainRunSeconds, double roverStepSeconds, double plainStepSeconds) {
        /** Rover's seconds per run over plain Playwright's. */
        public double singleRunRatio() {
            return roverRunSeconds / plainRunSeconds;
        }

        /** Rover's seconds for the 4-action step over plain Playwright's. */
        public double stepRatio() {
            return roverStepSeconds / plainStepSeconds;
        }
    }

    /** The standard benchmark: 1, 4 and 8 concurrent runs, 10 runs each, headless without tracing. */
    public ConcurrencyBenchmark() {
        this(BrowserOptions.builder().tracing(false).build(), List.of(1, 4, 8), 10);
    }

    /** A benchmark with these browser options, concurrency levels and runs per browser. */
    public ConcurrencyBenchmark(BrowserOptions options, List<Integer> concurrencyLevels, int runsPerBrowser) {
        this.options = Objects.requireNonNull(options, "options");
        this.concurrencyLevels = List.copyOf(concurrencyLevels);
        if (this.concurrencyLevels.isEmpty() || this.concurrencyLevels.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("concurrency levels must be at least 1, not " + concurrencyLevels);
        }
        if (runsPerBrowser < 1) {
            throw new IllegalArgumentException("runs per browser must be at least 1, not " + runsPerBrowser);
        }
        this.runsPerBrowser = runsPerBrowser;
    }

    /** Runs every level, printing a table to {@code out}, and returns the measurements. */
    public List<Measurement> run(PrintStream out) {
        HttpServer server = startServer();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            double[] plain = plainBaseline(url);
            out.printf(Locale.ROOT, "plain Playwright for Java: %.3f s/run, %.3f s per 4-action step (median of %d runs),"
                    + " peak total MB %s%n", plain[0], plain[1], runsPerBrowser, megabytes((long) plain[2]));
            out.printf(Locale.ROOT, "%-12s %6s %8s %9s %8s %9s %9s %14s %16s %14s%n", "concurrency", "runs", "failed", "seconds",
                    "runs/s", "run s", "step s", "peak heap MB", "peak Chromium MB", "peak total MB");
            List<Measurement> results = new ArrayList<>();
            roverRun(url, new AtomicInteger()); // launches the shared browser, as plain Playwright's was before it was timed
            for (int level : concurrencyLevels) {
                Measurement m = measure(level, url);
                results.add(m);
                out.printf(Locale.ROOT, "%-12d %6d %8d %9.2f %8.2f %9.3f %9.3f %14.1f %16s %14s%n", m.concurrency(), m.runs(),
                        m.failedActions(), m.elapsed().toNanos() / 1e9, m.runsPerSecond(), m.runSeconds(), m.stepSeconds(),
                        m.peakHeapBytes() / 1048576.0, megabytes(m.peakChromiumRssBytes()), megabytes(m.peakTotalBytes()));
            }
            Measurement single = results.stream().filter(m -> m.concurrency() == 1).findFirst().orElse(null);
            Measurement eight = results.stream().filter(m -> m.concurrency() == 8).findFirst().orElse(null);
            StringBuilder result = new StringBuilder("RESULT");
            if (single != null) {
                Comparison c = interleaved(url);
                out.printf(Locale.ROOT, "concurrency 1, in turn: Rover %.3f s/run, %.3f s per step; plain Playwright %.3f s/run,"
                        + " %.3f s per step (medians of %d runs each)%n", c.roverRunSeconds(), c.roverStepSeconds(),
                        c.plainRunSeconds(), c.plainStepSeconds(), runsPerBrowser);
                result.append(String.format(Locale.ROOT, " single_run_ratio=%.2f step_ratio=%.2f", c.singleRunRatio(), c.stepRatio()));
            }
            result.append(" peak_mb_8=").append(eight == null ? "n/a" : megabytes(eight.peakTotalBytes()));
            out.println(result);
            return results;
        } finally {
            server.stop(0);
        }
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", bytes / 1048576.0);
    }

    /**
     * Plain Playwright's median seconds per run and per step and its peak total bytes, measured on a thread of its
     * own and then closed,
     * while memory is sampled as it is for Rover's runs: reading every process's memory from /proc costs the
     * kernel time on a small machine, so both sides pay for it alike.
     */
    private double[] plainBaseline(String url) {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (MemorySampler memory = new MemorySampler(Duration.ofMillis(100))) {
            return await(thread.submit(() -> {
                try (PlainPlaywrightScript plain = new PlainPlaywrightScript(options)) {
                    plain.run(url); // warm-up, as Rover's first run is
                    List<Double> runs = new ArrayList<>();
                    List<Double> steps = new ArrayList<>();
                    for (int i = 0; i < runsPerBrowser; i++) {
                        PlainPlaywrightScript.Timing t = plain.run(url);
                        runs.add(t.runSeconds());
                        steps.add(t.stepSeconds());
                    }
                    return new double[] {median(runs), median(steps), memory.peakTotalBytes()};
                }
            }));
        } finally {
            thread.shutdownNow();
        }
    }

    /**
     * Rover and plain Playwright at concurrency 1, one run of each in turn, so that a machine slowing down meanwhile
     * slows both alike; compared by their medians, so that one stalled run moves neither. Each starts on a quiet
     * machine in a context made before its timing: Rover's shared browser makes its next run's context between runs,
     * and plain Playwright's program does the same.
     */
    private Comparison interleaved(String url) {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            PlainPlaywrightScript plain = await(thread.submit(() -> new PlainPlaywrightScript(options)));
            try {
                await(thread.submit(() -> plain.runInContextMadeAhead(url))); // warm-up, as Rover's first run was
                List<PlainPlaywrightScript.Timing> rover = new ArrayList<>();
                List<PlainPlaywrightScript.Timing> plainRuns = new ArrayList<>();
                AtomicInteger failed = new AtomicInteger();
                for (int i = 0; i < runsPerBrowser; i++) {
                    QuietMachine.await(); // neither side's leftover work (a context being made or closed) slows the other
                    plainRuns.add(await(thread.submit(() -> plain.runInContextMadeAhead(url))));
                    QuietMachine.await();
                    rover.add(roverRun(url, failed));
                }
                return new Comparison(median(rover.stream().map(PlainPlaywrightScript.Timing::runSeconds).toList()),
                        median(plainRuns.stream().map(PlainPlaywrightScript.Timing::runSeconds).toList()),
                        median(rover.stream().map(PlainPlaywrightScript.Timing::stepSeconds).toList()),
                        median(plainRuns.stream().map(PlainPlaywrightScript.Timing::stepSeconds).toList()));
            } finally {
                await(thread.submit(() -> {
                    plain.close();
                    return null;
                }));
            }
        } finally {
            thread.shutdownNow();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private Measurement measure(int concurrency, String url) {
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        try (MemorySampler memory = new MemorySampler(Duration.ofMillis(100))) {
            AtomicInteger failed = new AtomicInteger();
            long start = System.nanoTime();
            List<Future<List<PlainPlaywrightScript.Timing>>> work = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                work.add(workers.submit(() -> {
                    List<PlainPlaywrightScript.Timing> timings = new ArrayList<>();
                    for (int run = 0; run < runsPerBrowser; run++) {
                        timings.add(roverRun(url, failed));
                    }
                    return timings;
                }));
            }
            List<PlainPlaywrightScript.Timing> timings = new ArrayList<>();
            for (Future<List<PlainPlaywrightScript.Timing>> done : work) {
                timings.addAll(await(done));
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new Measurement(concurrency, concurrency * runsPerBrowser, failed.get(), elapsed, memory.peakHeapBytes(),
                    memory.peakChromiumRssBytes(), memory.peakTotalBytes(),
                    median(timings.stream().map(PlainPlaywrightScript.Timing::runSeconds).toList()),
                    median(timings.stream().map(PlainPlaywrightScript.Timing::stepSeconds).toList()));
        } finally {
            workers.shutdownNow();
        }
    }

    /** One run as Rover makes it: a fresh context in the shared browser, the script, the context closed; returns its seconds and its step's. */
    private PlainPlaywrightScript.Timing roverRun(String url, AtomicInteger failed) {
        long start = System.nanoTime();
        List<BrowserAction> script = List.of(
                new BrowserAction.GotoUrl(url),
                new BrowserAction.InputText(Target.id("b1"), "Ada Lovelace"),
                new BrowserAction.InputText(Target.id("b2"), "ada@example.com"),
                new BrowserAction.SelectOption(Target.id("b3"), "Japan", null, null),
                new BrowserAction.Click(Target.id("b4")));
        long stepStart = 0;
        double stepSeconds;
        try (LiveBrowser live = LiveBrowser.shared(options)) {
            PlaywrightRunBrowser browser = new PlaywrightRunBrowser(live, ObserveOptions.DEFAULTS);
            for (BrowserAction action : script) {
                if (!(action instanceof BrowserAction.GotoUrl)) {
                    stepStart = stepStart == 0 ? System.nanoTime() : stepStart;
                }
                ActionResult result = browser.perform(action, UnaryOperator.identity());
                if (!result.success()) {
                    failed.incrementAndGet();
                    log.warn("benchmark action {} failed: {}", action.actionType(), result.failureReason());
                }
            }
            // a run's step ends with its screenshot (with secrets masked), so the benchmark pays for it too
            browser.screenshot(false, 0);
            stepSeconds = (System.nanoTime() - stepStart) / 1e9;
        }
        return new PlainPlaywrightScript.Timing((System.nanoTime() - start) / 1e9, stepSeconds);
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException("benchmark worker failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        }
    }

    private static HttpServer startServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            server.createContext("/", exchange -> {
                try (exchange) {
                    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            });
            server.setExecutor(Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "rover-bench-server");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the benchmark page server on 127.0.0.1", e);
        }
    }
}
