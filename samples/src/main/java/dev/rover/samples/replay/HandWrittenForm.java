package dev.rover.samples.replay;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.rover.browser.BrowserOptions;
import dev.rover.browser.ChromiumLocator;

import java.util.Map;

/**
 * The benchmark's form flow written by hand in plain Playwright for Java, the baseline a replay is measured
 * against: the same Chromium and flags as Rover's, a fresh context per run, the page opened, the ten controls used
 * by CSS id, and the confirmation page awaited; also with its context made ahead of time, as Rover's are. Use from
 * one thread only, like any Playwright object.
 */
final class HandWrittenForm implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;
    private BrowserContext ahead;

    HandWrittenForm() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions().setHeadless(true).setArgs(BrowserOptions.QUIET_FLAGS);
        new ChromiumLocator().locate().ifPresent(launch::setExecutablePath);
        browser = playwright.chromium().launch(launch);
    }

    /** One run in a context made for it; returns its seconds. */
    double run(String url, Map<String, String> values) {
        long start = System.nanoTime();
        try (BrowserContext context = browser.newContext(contextOptions())) {
            fill(context.newPage(), url, values);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * One run in a context made before the timing started, as Rover makes the next run's context between runs; the
     * next one is made after the timing ends. Returns its seconds.
     */
    double runInContextMadeAhead(String url, Map<String, String> values) {
        if (ahead == null) {
            ahead = browser.newContext(contextOptions());
            ahead.newPage();
        }
        long start = System.nanoTime();
        try (BrowserContext context = ahead) {
            ahead = null;
            fill(context.pages().get(0), url, values);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ahead = browser.newContext(contextOptions());
        ahead.newPage();
        return seconds;
    }

    private static Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions().setViewportSize(1280, 720);
    }

    private static void fill(Page page, String url, Map<String, String> values) {
        page.navigate(url);
        for (String field : ReplayFormServer.FIELDS) {
            page.locator("#" + field).fill(values.get(field));
        }
        page.locator("#plan").selectOption("pro");
        page.getByLabel("I accept the terms").check();
        page.locator("#send").click();
        page.waitForURL("**/done**");
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
