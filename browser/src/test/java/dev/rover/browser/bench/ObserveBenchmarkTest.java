package dev.rover.browser.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import dev.rover.browser.observe.ChromiumFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObserveBenchmarkTest {

    private static final Pattern RESULT = Pattern.compile(
            "RESULT observe_ratio=(\\d+\\.\\d+) prompt_ratio=(\\d+\\.\\d+) recall=(\\d+\\.\\d+)"
                    + " prompt_recall=(\\d+\\.\\d+) frames_ratio=(\\d+\\.\\d+)");

    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void launch() {
        playwright = ChromiumFixture.playwright();
        browser = ChromiumFixture.launch(playwright);
    }

    @AfterAll
    static void shutdown() {
        browser.close();
        playwright.close();
    }

    @Test
    void printsOneLinePerPageAndEndsWithTheResultLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ObserveBenchmark.Result result;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            result = new ObserveBenchmark(browser).run(out, 2);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

        String last = lines.get(lines.size() - 1);
        Matcher m = RESULT.matcher(last);
        assertThat(m.matches()).as("last line %s", last).isTrue();
        assertThat(Double.parseDouble(m.group(3))).isEqualTo(1.0);
        assertThat(Double.parseDouble(m.group(2))).isGreaterThan(0).isLessThanOrEqualTo(0.25);
        assertThat(Double.parseDouble(m.group(1))).isPositive();
        // every control near the viewport of the 1,000-row table reaches the prompt beside its row's text
        assertThat(Double.parseDouble(m.group(4))).isEqualTo(1.0);
        assertThat(result.pages()).filteredOn(p -> p.page().equals(LargePage.PATH)).singleElement()
                .satisfies(p -> assertThat(p.nearControls()).isGreaterThan(20));
        assertThat(Double.parseDouble(m.group(5))).isPositive();
        assertThat(result.pages()).extracting(ObserveBenchmark.PageFigures::page).containsExactlyElementsOf(PageServer.PAGES);
        for (String page : PageServer.PAGES) {
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(page + " "));
        }
        assertThat(result.pages()).allSatisfy(p -> assertThat(p.found()).isEqualTo(p.expected()).isPositive());
    }

    @Test
    void rejectsZeroIterations() {
        ObserveBenchmark benchmark = new ObserveBenchmark(browser);
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> benchmark.run(sink, 0)).hasMessageContaining("at least 1");
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(ObserveBenchmark.median(new double[] {5, 1, 3})).isEqualTo(3);
        assertThat(ObserveBenchmark.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }
}
