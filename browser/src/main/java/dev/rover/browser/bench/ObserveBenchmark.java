package dev.rover.browser.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.rover.browser.observe.ObserveOptions;
import dev.rover.browser.observe.PageObserver;
import dev.rover.core.page.PageSnapshot;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Measures the page observer against Playwright's own ARIA snapshot on the same pages in the same
 * process: the median observe time, the prompt size against the page's HTML, and recall of the
 * elements each page declares, and on the large page the controls near the viewport that reach the
 * prompt with their table row's text ({@link PromptRecall}). Its last output line is the machine-readable
 * {@code RESULT observe_ratio=... prompt_ratio=... recall=... prompt_recall=... frames_ratio=...}.
 */
public final class ObserveBenchmark {

    /** Iterations per page when none are given. */
    public static final int DEFAULT_ITERATIONS = 20;
    /** How long each page is observed and aria-snapshotted, untimed, before the timed rounds. */
    private static final java.time.Duration WARM_UP = java.time.Duration.ofMillis(500);

    private final Browser browser;
    private final ObserveOptions options;

    /** A benchmark on this browser (not closed here) with the default observe options. */
    public ObserveBenchmark(Browser browser) {
        this(browser, ObserveOptions.DEFAULTS);
    }

    /** A benchmark on this browser (not closed here) with these observe options. */
    public ObserveBenchmark(Browser browser, ObserveOptions options) {
        this.browser = Objects.requireNonNull(browser, "browser");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The figures of one page: medians in milliseconds, sizes in characters, recall counts. */
    public record PageFigures(String page, double observeMs, double ariaMs, int promptChars, int htmlChars,
                              int elements, int expected, int found, int nearControls, int nearInPrompt) {
    }

    /** All pages' figures and the three headline ratios. */
    public record Result(List<PageFigures> pages, double observeRatio, double promptRatio, double recall,
                         double promptRecall, double framesRatio) {
        public Result {
            pages = List.copyOf(pages);
        }

        /** The final line the benchmark prints. */
        public String resultLine() {
            return String.format(Locale.ROOT, "RESULT observe_ratio=%.3f prompt_ratio=%.4f recall=%.3f prompt_recall=%.3f frames_ratio=%.2f",
                    observeRatio, promptRatio, recall, promptRecall, framesRatio);
        }
    }

    /** Runs every page {@code iterations} times (at least one), writes one line per page and the RESULT line. */
    public Result run(PrintStream out, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, was " + iterations);
        }
        List<PageFigures> figures = new ArrayList<>();
        out.printf(Locale.ROOT, "observe benchmark: %d iterations per page, prompt budget %d chars%n",
                iterations, options.promptBudgetChars());
        try (PageServer server = PageServer.start();
             BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 720))) {
            Page page = context.newPage();
            for (String name : PageServer.PAGES) {
                PageFigures f = measure(server, page, name, iterations);
                figures.add(f);
                out.printf(Locale.ROOT, "%-15s observe=%8.2f ms  aria=%8.2f ms  prompt=%6d chars  html=%7d chars"
                                + "  elements=%5d  recall=%d/%d  prompt_recall=%d/%d%n",
                        f.page(), f.observeMs(), f.ariaMs(), f.promptChars(), f.htmlChars(), f.elements(),
                        f.found(), f.expected(), f.nearInPrompt(), f.nearControls());
            }
        }
        PageFigures large = figures.stream().filter(f -> f.page().equals(LargePage.PATH)).findFirst().orElseThrow();
        int expected = figures.stream().mapToInt(PageFigures::expected).sum();
        int found = figures.stream().mapToInt(PageFigures::found).sum();
        PageFigures frames = figures.stream().filter(f -> f.page().equals("frames.html")).findFirst().orElseThrow();
        Result result = new Result(figures, large.observeMs() / large.ariaMs(),
                large.promptChars() / (double) large.htmlChars(), expected == 0 ? 1.0 : found / (double) expected,
                large.nearControls() == 0 ? 1.0 : large.nearInPrompt() / (double) large.nearControls(),
                frames.observeMs() / frames.ariaMs());
        out.println(result.resultLine());
        return result;
    }

    private PageFigures measure(PageServer server, Page page, String name, int iterations) {
        PageObserver observer = new PageObserver();
        server.load(page, name);
        // Untimed rounds of each for about half a second (one at least): ids get written and both code paths are
        // compiled, as in a long-lived process.
        long warmUntil = System.nanoTime() + WARM_UP.toNanos();
        do {
            observer.observe(page, options);
            page.ariaSnapshot();
        } while (System.nanoTime() < warmUntil);
        double[] observeMs = new double[iterations];
        double[] ariaMs = new double[iterations];
        PageSnapshot snapshot = null;
        for (int i = 0; i < iterations; i++) {
            // Interleaved, so a busy machine slows both sides alike.
            long start = System.nanoTime();
            snapshot = observer.observe(page, options);
            observeMs[i] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            page.ariaSnapshot();
            ariaMs[i] = (System.nanoTime() - start) / 1e6;
        }
        Recall recall = Recall.measure(page, snapshot);
        PromptRecall prompt = PromptRecall.measure(page, snapshot);
        return new PageFigures(name, median(observeMs), median(ariaMs), snapshot.promptText().length(),
                page.content().length(), snapshot.elements().size(), recall.expected(),
                recall.expected() - recall.missing().size(), prompt.expected(), prompt.expected() - prompt.missing().size());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
