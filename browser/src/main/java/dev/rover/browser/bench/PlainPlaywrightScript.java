package dev.rover.browser.bench;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.rover.browser.BrowserOptions;

/**
 * The benchmark's 5-action script written as plain Playwright for Java, the baseline Rover is
 * measured against: one Playwright and one Chromium (same executable and flags as Rover's), a fresh
 * context per run (made in the run, or ahead of it as Rover's are), and {@code fill}, {@code selectOption} and
 * {@code click} by CSS selector.
 * Use it from one thread only, like any Playwright object.
 */
final class PlainPlaywrightScript implements AutoCloseable {

    /** Seconds of one run, and of its 4-action step (everything after the navigation). */
    record Timing(double runSeconds, double stepSeconds) {
    }

    private final PlainBrowser browser;

    PlainPlaywrightScript(BrowserOptions options) {
        browser = new PlainBrowser(options);
    }

    /** One run: a fresh context, the page, two fields filled, an option chosen, the form sent. */
    Timing run(String url) {
        long start = System.nanoTime();
        try (BrowserContext context = browser.newContext()) {
            return steps(context.newPage(), url, start);
        }
    }

    /**
     * One run in a context made before its timing starts, as a run of Rover starts in the context its shared browser
     * made between runs; the next one is made after the timing ends.
     */
    Timing runInContextMadeAhead(String url) {
        BrowserContext context = browser.takeContextMadeAhead();
        long start = System.nanoTime();
        Timing timing;
        try (context) {
            timing = steps(context.pages().get(0), url, start);
        }
        timing = new Timing((System.nanoTime() - start) / 1e9, timing.stepSeconds());
        browser.makeNextContextAhead();
        return timing;
    }

    private static Timing steps(Page page, String url, long start) {
        page.navigate(url);
        long step = System.nanoTime();
        page.locator("[data-rover-id=\"b1\"]").fill("Ada Lovelace");
        page.locator("[data-rover-id=\"b2\"]").fill("ada@example.com");
        page.locator("[data-rover-id=\"b3\"]").selectOption("Japan");
        page.locator("[data-rover-id=\"b4\"]").click();
        double stepSeconds = (System.nanoTime() - step) / 1e9;
        return new Timing((System.nanoTime() - start) / 1e9, stepSeconds);
    }

    @Override
    public void close() {
        browser.close();
    }
}
