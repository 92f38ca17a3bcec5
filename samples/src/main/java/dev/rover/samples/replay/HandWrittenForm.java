package dev.rover.samples.replay;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.rover.browser.BrowserOptions;
import dev.rover.browser.bench.PlainBrowser;

import java.util.Map;

/**
 * The benchmark's form flow written by hand in plain Playwright for Java, the baseline a replay is measured
 * against: the same Chromium and flags as Rover's, a fresh context per run, the page opened, the ten controls used
 * by CSS id, and the confirmation page awaited; also with its context made ahead of time, as Rover's are. Use from
 * one thread only, like any Playwright object.
 */
final class HandWrittenForm implements AutoCloseable {

    private final PlainBrowser browser = new PlainBrowser(BrowserOptions.defaults());

    /** One run in a context made for it; returns its seconds. */
    double run(String url, Map<String, String> values) {
        long start = System.nanoTime();
        try (BrowserContext context = browser.newContext()) {
            fill(context.newPage(), url, values);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * One run in a context made before the timing started, as Rover makes the next run's context between runs; the
     * next one is made after the timing ends. Returns its seconds.
     */
    double runInContextMadeAhead(String url, Map<String, String> values) {
        BrowserContext context = browser.takeContextMadeAhead();
        long start = System.nanoTime();
        try (context) {
            fill(context.pages().get(0), url, values);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        browser.makeNextContextAhead();
        return seconds;
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
        browser.close();
    }
}
