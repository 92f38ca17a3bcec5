package dev.rover.samples.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.rover.browser.BrowserOptions;
import dev.rover.browser.ChromiumLocator;
import dev.rover.core.run.Run;
import dev.rover.core.run.TimelineEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.rover.samples.e2e.RunChecks.assertCompleted;
import static dev.rover.samples.e2e.RunChecks.flatten;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A finished run's HTML report, opened in headless Chromium the way a person opens it from disk:
 * the timeline (blocks, steps, actions) renders, every screenshot loads, and nothing is fetched from
 * anywhere but the file itself.
 */
class ReportRenderingTest {

    /** Where the screenshot of the rendered report is kept for people to look at. */
    static final Path SCREENSHOT = Path.of("target", "report-rendering", "report.png");

    @TempDir
    static Path data;

    private static OfflinePortal portal;
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        portal = OfflinePortal.start(data);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions().setHeadless(true).setArgs(BrowserOptions.QUIET_FLAGS);
        new ChromiumLocator().locate().ifPresent(launch::setExecutablePath);
        browser = playwright.chromium().launch(launch);
    }

    @AfterAll
    static void stop() {
        try {
            if (playwright != null) {
                playwright.close();
            }
        } finally {
            if (portal != null) {
                portal.close();
            }
        }
    }

    @Test
    void reportRendersTheTimelineWithLoadedScreenshotsAndNoExternalResources() throws Exception {
        Run run = portal.runSample("orders-in-date-range.yaml", Map.of());
        assertCompleted(run);
        Path report = portal.rover().reportPath(run.runId().value()).orElseThrow();
        List<TimelineEntry> timeline = portal.rover().getRunTimeline(run.runId().value());

        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?\\s*https?:")
                .doesNotContainPattern("(?i)url\\(\\s*[\"']?https?:").doesNotContainPattern("(?i)@import");

        try (Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 900))) {
            List<String> requested = new CopyOnWriteArrayList<>();
            page.onRequest(r -> requested.add(r.url()));
            page.navigate(report.toUri().toString());
            page.waitForFunction("() => Array.from(document.images).every(i => i.complete)");
            Files.createDirectories(SCREENSHOT.getParent());
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOT).setFullPage(true));

            assertThat(requested).allSatisfy(u -> assertThat(u).matches("^(file|data):.*"));
            assertThat(page.locator("#run-status").innerText()).isEqualTo("completed");
            List<String> blockLabels = timeline.stream().filter(e -> e.type() == TimelineEntry.Type.BLOCK).map(TimelineEntry::label).toList();
            List<String> headings = page.locator("section.block h3").allInnerTexts();
            assertThat(headings).hasSameSizeAs(blockLabels);
            for (int i = 0; i < blockLabels.size(); i++) {
                assertThat(headings.get(i)).startsWith(blockLabels.get(i));
            }
            long steps = flatten(timeline).filter(e -> e.type() == TimelineEntry.Type.STEP).count();
            long actions = flatten(timeline).filter(e -> e.type() == TimelineEntry.Type.ACTION).count();
            assertThat(steps).isPositive();
            assertThat(page.locator("details.step").count()).isEqualTo(steps);
            assertThat(page.locator("div.action").count()).isEqualTo(actions);
            assertThat(page.locator("div.action h4").allInnerTexts()).anyMatch(t -> t.startsWith("input_text"))
                    .anyMatch(t -> t.startsWith("click"));
            assertThat(page.locator("div.action .reasoning").count()).isPositive();
            assertThat(page.locator("#overview li").allInnerTexts()).hasSameSizeAs(blockLabels)
                    .allSatisfy(t -> assertThat(t).contains("completed"));
            assertThat(page.locator("#parameters").innerText()).startsWith("{");
            assertThat(page.locator("dl.facts").innerText()).containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC");
            assertThat(page.locator("#files a").allInnerTexts()).anyMatch(t -> t.startsWith("recording"))
                    .anyMatch(t -> t.startsWith("page_prompt"));
            assertThat(page.locator("#files a").first().getAttribute("href")).startsWith("file:");

            int images = page.locator("img").count();
            long stepsWithActions = flatten(timeline).filter(e -> e.type() == TimelineEntry.Type.STEP)
                    .filter(s -> s.children().stream().anyMatch(c -> c.type() == TimelineEntry.Type.ACTION)).count();
            // a screenshot for every step that acted (after its last action), and the final page
            assertThat(images).isGreaterThanOrEqualTo((int) stepsWithActions + 1);
            assertThat(page.locator("details.step").all()).filteredOn(step -> step.locator("div.action").count() > 0)
                    .allSatisfy(step -> assertThat(step.locator("img.shot").count()).as("screenshots of a step").isEqualTo(1));
            assertThat(page.locator("img.final").count()).as("the final page screenshot").isEqualTo(1);
            Object broken = page.evaluate("() => Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).length");
            assertThat(((Number) broken).intValue()).as("images that did not load").isZero();
            Object visible = page.evaluate("() => Array.from(document.images).filter(i => i.getBoundingClientRect().width > 0).length");
            assertThat(((Number) visible).intValue()).as("images laid out with a width").isEqualTo(images);
        }
        assertThat(Files.size(SCREENSHOT)).isGreaterThan(10_000);
    }
}
