package dev.rover.browser.bench;

import com.sun.net.httpserver.HttpServer;
import dev.rover.browser.BrowserOptions;
import dev.rover.browser.LiveBrowser;
import dev.rover.browser.action.ActionExecutor;
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

/**
 * Measures how many short runs per second Rover sustains with 1, 4 and 8 concurrent browsers, and
 * the memory that costs (JVM heap plus Chromium's resident memory), so capacity can be planned.
 * Each run is a 5-action script (goto, input, input, select, click) against a page served on 127.0.0.1.
 */
public final class ConcurrencyBenchmark {

    /** One measured concurrency level. */
    public record Measurement(int concurrency, int runs, int failedActions, Duration elapsed,
                              long peakHeapBytes, long peakChromiumRssBytes) {
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

    /** The standard benchmark: 1, 4 and 8 concurrent browsers, 10 runs each, headless without tracing. */
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
            out.printf(Locale.ROOT, "%-12s %6s %8s %9s %8s %14s %16s%n", "concurrency", "runs", "failed", "seconds",
                    "runs/s", "peak heap MB", "peak Chromium MB");
            List<Measurement> results = new ArrayList<>();
            for (int level : concurrencyLevels) {
                Measurement m = measure(level, url);
                results.add(m);
                out.printf(Locale.ROOT, "%-12d %6d %8d %9.2f %8.2f %14.1f %16s%n", m.concurrency(), m.runs(),
                        m.failedActions(), m.elapsed().toNanos() / 1e9, m.runsPerSecond(), m.peakHeapBytes() / 1048576.0,
                        m.peakChromiumRssBytes() < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", m.peakChromiumRssBytes() / 1048576.0));
            }
            return results;
        } finally {
            server.stop(0);
        }
    }

    private Measurement measure(int concurrency, String url) {
        List<LiveBrowser> browsers = new ArrayList<>();
        ExecutorService drivers = Executors.newFixedThreadPool(concurrency);
        try (MemorySampler memory = new MemorySampler(Duration.ofMillis(100))) {
            List<Future<LiveBrowser>> launches = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                launches.add(drivers.submit(() -> LiveBrowser.launch(options)));
            }
            for (Future<LiveBrowser> launch : launches) {
                browsers.add(await(launch));
            }
            ActionExecutor executor = ActionExecutor.withDefaults();
            AtomicInteger failed = new AtomicInteger();
            long start = System.nanoTime();
            List<Future<Integer>> work = new ArrayList<>();
            for (LiveBrowser browser : browsers) {
                work.add(drivers.submit(() -> runScript(browser, executor, url, failed)));
            }
            int runs = 0;
            for (Future<Integer> done : work) {
                runs += await(done);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new Measurement(concurrency, runs, failed.get(), elapsed, memory.peakHeapBytes(), memory.peakChromiumRssBytes());
        } finally {
            browsers.forEach(LiveBrowser::close);
            drivers.shutdownNow();
        }
    }

    private int runScript(LiveBrowser browser, ActionExecutor executor, String url, AtomicInteger failed) {
        List<BrowserAction> script = List.of(
                new BrowserAction.GotoUrl(url),
                new BrowserAction.InputText(Target.id("b1"), "Ada Lovelace"),
                new BrowserAction.InputText(Target.id("b2"), "ada@example.com"),
                new BrowserAction.SelectOption(Target.id("b3"), "Japan", null, null),
                new BrowserAction.Click(Target.id("b4")));
        for (int run = 0; run < runsPerBrowser; run++) {
            for (BrowserAction action : script) {
                ActionResult result = browser.call(p -> executor.execute(p, action));
                if (!result.success()) {
                    failed.incrementAndGet();
                    log.warn("benchmark action {} failed: {}", action.actionType(), result.failureReason());
                }
            }
        }
        return runsPerBrowser;
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
