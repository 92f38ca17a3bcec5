package dev.rover.browser.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.rover.browser.BrowserOptions;
import dev.rover.browser.ChromiumLocator;

import java.util.Map;

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

    private final Playwright playwright;
    private final Browser browser;
    private BrowserContext ahead;

    PlainPlaywrightScript(BrowserOptions options) {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions().setHeadless(options.headless())
                .setArgs(BrowserOptions.QUIET_FLAGS);
        options.executablePath().or(() -> new ChromiumLocator().locate()).ifPresent(launch::setExecutablePath);
        browser = playwright.chromium().launch(launch);
    }

    /** One run: a fresh context, the page, two fields filled, an option chosen, the form sent. */
    Timing run(String url) {
        long start = System.nanoTime();
        try (BrowserContext context = browser.newContext(contextOptions())) {
            return steps(context.newPage(), url, start);
        }
    }

    /**
     * One run in a context made before its timing starts, as a run of Rover starts in the context its shared browser
     * made between runs; the next one is made after the timing ends.
     */
    Timing runInContextMadeAhead(String url) {
        if (ahead == null) {
            ahead = browser.newContext(contextOptions());
            ahead.newPage();
        }
        long start = System.nanoTime();
        Timing timing;
        try (BrowserContext context = ahead) {
            ahead = null;
            timing = steps(context.pages().get(0), url, start);
        }
        timing = new Timing((System.nanoTime() - start) / 1e9, timing.stepSeconds());
        ahead = browser.newContext(contextOptions());
        ahead.newPage();
        return timing;
    }

    private static Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions().setViewportSize(1280, 720);
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
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
