package dev.rover.browser.observe;

import dev.rover.browser.bench.PageServer;
import dev.rover.browser.bench.Recall;
import dev.rover.core.page.PageSnapshot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageObserverRecallTest extends ChromiumPageTest {

    private final PageObserver observer = new PageObserver();

    static List<String> pages() {
        return PageServer.PAGES;
    }

    @ParameterizedTest
    @MethodSource("pages")
    void everyDeclaredElementIsFoundAndNoHiddenOne(String pageName) {
        server.load(page, pageName);

        PageSnapshot snapshot = observer.observe(page);
        Recall recall = Recall.measure(page, snapshot);

        assertThat(recall.expected()).as("elements declared by %s", pageName).isPositive();
        assertThat(recall.missing()).as("expected elements missing on %s", pageName).isEmpty();
        assertThat(recall.leakedHidden()).as("hidden elements kept on %s", pageName).isEmpty();
        assertThat(recall.fraction()).isEqualTo(1.0);
    }
}
