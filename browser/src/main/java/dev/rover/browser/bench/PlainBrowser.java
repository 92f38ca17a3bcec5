package dev.rover.browser.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import dev.rover.browser.BrowserOptions;
import dev.rover.browser.ChromiumLocator;

import java.util.Map;

/**
 * The browser of a benchmark's plain Playwright for Java baseline: its own Playwright and Chromium, with the same
 * executable and flags as Rover's, and 1280x720 contexts made in a run or, as Rover's shared browser does between
 * runs, ahead of it. Use it from one thread only, like any Playwright object.
 */
public final class PlainBrowser implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;
    private BrowserContext ahead;

    /** Launches Chromium as Rover would with these options (headless or not, which executable). */
    public PlainBrowser(BrowserOptions options) {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions().setHeadless(options.headless())
                .setArgs(BrowserOptions.QUIET_FLAGS);
        options.executablePath().or(() -> new ChromiumLocator().locate()).ifPresent(launch::setExecutablePath);
        browser = playwright.chromium().launch(launch);
    }

    /** A new context, for a run that makes its own. */
    public BrowserContext newContext() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 720));
    }

    /** The context made ahead, with its one blank tab (made now when none is ready); take it before the timing starts. */
    public BrowserContext takeContextMadeAhead() {
        BrowserContext taken = ahead != null ? ahead : newContextWithTab();
        ahead = null;
        return taken;
    }

    /** Makes the next run's context and tab; call when the timing has ended. */
    public void makeNextContextAhead() {
        if (ahead == null) {
            ahead = newContextWithTab();
        }
    }

    private BrowserContext newContextWithTab() {
        BrowserContext context = newContext();
        context.newPage();
        return context;
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
