package dev.rover.browser.observe;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.rover.browser.bench.PageServer;
import dev.rover.browser.bench.Recall;
import dev.rover.core.page.PageSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageObserverRecallTest {

    private static Playwright playwright;
    private static Browser browser;
    private static PageServer server;
    private BrowserContext context;
    private final PageObserver observer = new PageObserver();

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

    @BeforeEach
    void openContext() {
        context = browser.newContext();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    static List<String> pages() {
        return PageServer.PAGES;
    }

    @ParameterizedTest
    @MethodSource("pages")
    void everyDeclaredElementIsFoundAndNoHiddenOne(String pageName) {
        Page page = context.newPage();
        server.load(page, pageName);

        PageSnapshot snapshot = observer.observe(page);
        Recall recall = Recall.measure(page, snapshot);

        assertThat(recall.expected()).as("elements declared by %s", pageName).isPositive();
        assertThat(recall.missing()).as("expected elements missing on %s", pageName).isEmpty();
        assertThat(recall.leakedHidden()).as("hidden elements kept on %s", pageName).isEmpty();
        assertThat(recall.fraction()).isEqualTo(1.0);
    }
}
