package dev.rover.browser.action;

import dev.rover.browser.ActionTestServer;
import dev.rover.browser.BrowserOptions;
import dev.rover.browser.LiveBrowser;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A test class acting on the action test pages in real Chromium: one untraced browser (downloads saved in a
 * temporary folder) and one {@link ActionTestServer} per class, and each test's page opened in a fresh tab.
 */
abstract class ActionPageTest {

    @TempDir
    static Path temp;

    static ActionTestServer server;
    static LiveBrowser browser;

    @BeforeAll
    static void start() throws IOException {
        server = new ActionTestServer();
        browser = LiveBrowser.launch(BrowserOptions.builder().tracing(false).downloadsFolder(temp.resolve("downloads")).build());
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    /** Opens a page of the test server in a fresh tab and closes the others, so a navigation left over by the previous test cannot interfere. */
    static void open(String path) {
        browser.run(p -> {
            com.microsoft.playwright.Page fresh = p.newTab(server.url(path));
            for (com.microsoft.playwright.Page other : p.context().pages()) {
                if (other != fresh) {
                    other.close();
                }
            }
        });
    }

    static ActionResult act(ActionExecutor executor, BrowserAction action) {
        return browser.call(p -> executor.execute(p, action));
    }

    static String value(String css) {
        return browser.call(p -> p.page().inputValue(css));
    }

    static String text(String css) {
        return browser.call(p -> p.page().textContent(css));
    }
}
