package dev.rover.browser.observe;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.rover.browser.bench.PageServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test class driving the test pages in real Chromium: one browser and one {@link PageServer} per class, and a
 * fresh context with one tab ({@link #page}) per test.
 */
abstract class ChromiumPageTest {

    static Playwright playwright;
    static Browser browser;
    static PageServer server;
    BrowserContext context;
    Page page;

    @BeforeAll
    static void launch() {
        playwright = ChromiumFixture.playwright();
        browser = ChromiumFixture.launch(playwright);
        server = PageServer.start();
    }

    @AfterAll
    static void shutdown() {
        server.close();
        browser.close();
        playwright.close();
    }

    /** The viewport of each test's context; Playwright's default. */
    Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions().setViewportSize(1280, 720);
    }

    @BeforeEach
    void open() {
        context = browser.newContext(contextOptions());
        page = context.newPage();
    }

    @AfterEach
    void close() {
        context.close();
    }
}
