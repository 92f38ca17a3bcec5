package dev.rover.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.rover.browser.ChromiumLocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI in real headless Chromium against a running server: the key form, a run appearing in the
 * list without a reload, a run page with its screenshots, and the run form starting a workflow. Saves a
 * screenshot of the run page to {@code target/ui.png} (the README's picture is one of these).
 */
class WebUiTest {

    private static final double TIMEOUT_MS = 30_000;

    @TempDir
    static Path data;

    private static ServerFixture api;
    private static TestSite site;
    private static Playwright playwright;
    private static Browser browser;
    private Page page;
    private final java.util.List<String> pageErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        site = new TestSite();
        api = new ServerFixture(data);
        playwright = Playwright.create();
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true);
        new ChromiumLocator().locate().ifPresent(options::setExecutablePath);
        browser = playwright.chromium().launch(options);
    }

    @AfterAll
    static void stop() {
        try {
            browser.close();
            playwright.close();
        } finally {
            try {
                api.close();
            } finally {
                site.close();
            }
        }
    }

    @BeforeEach
    void openWithKey() {
        page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
        page.setDefaultTimeout(TIMEOUT_MS);
        page.onPageError(pageErrors::add);
        page.navigate(api.url("/"));
        page.fill("#key-input", ServerFixture.KEY);
        page.click("#key button[type=submit]");
        page.locator("#runs").waitFor();
    }

    @AfterEach
    void close() {
        page.context().close();
        assertThat(pageErrors).as("script errors on the page").isEmpty();
    }

    @Test
    void theRunsListShowsARunStartedWhileThePageIsOpen() {
        String wait = "title: Started while watching\nworkflow_definition:\n  blocks:\n    - block_type: wait\n      label: pause\n      wait_sec: 1\n";
        String runId = api.post("/v1/run/workflows", Map.of("yaml_definition", wait)).json().get("run_id").asText();

        Locator row = page.locator("tr[data-run='" + runId + "']");
        row.waitFor();
        assertThat(row.innerText()).contains("Started while watching");
        row.locator("[data-status='completed']").waitFor();

        page.selectOption("#f-status", "failed");
        page.locator("tr[data-run='" + runId + "']").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
        page.selectOption("#f-status", "completed");
        page.locator("tr[data-run='" + runId + "']").waitFor();
    }

    @Test
    void theRunPageShowsTheTimelineWithScreenshotsAndArtifacts() {
        String runId = api.post("/v1/run/tasks", Map.of("prompt", "Type grinder into the Search field, then click the Search button",
                "url", site.url("/search"), "title", "Search the shop")).json().get("run_id").asText();
        JsonNode run = api.awaitEnd(runId);
        assertThat(run.get("status").asText()).isEqualTo("completed");

        page.navigate(api.url("/#/runs/" + runId));
        page.locator("#timeline [data-action] img").first().waitFor();

        Object width = page.locator("#timeline [data-action] img").first().evaluate("img => img.complete ? img.naturalWidth : "
                + "new Promise(r => img.addEventListener('load', () => r(img.naturalWidth)))");
        assertThat(((Number) width).intValue()).as("the screenshot loaded").isGreaterThan(100);
        assertThat(page.locator("h1").innerText()).contains("Search the shop").contains("completed");
        assertThat(page.locator("#artifacts a").count()).isPositive();
        assertThat(page.locator("#timeline [data-block]").count()).isPositive();
        assertThat(page.locator("#timeline [data-action]").allInnerTexts()).anySatisfy(t -> assertThat(t).containsIgnoringCase("grinder"));
        // the acted-on elements are outlined on the step's screenshot, inside the picture and not empty
        Object outlined = page.locator("#timeline .highlight.box").first().evaluate("h => { const img = h.parentElement.querySelector('img');"
                + " const check = () => { const i = img.getBoundingClientRect(), r = h.getBoundingClientRect();"
                + " return r.width > 2 && r.height > 2 && r.left >= i.left - 1 && r.right <= i.right + 1 && r.top >= i.top - 1 && r.bottom <= i.bottom + 1; };"
                + " return img.complete ? check() : new Promise(ok => img.addEventListener('load', () => ok(check()))); }");
        assertThat(outlined).as("the box lies on the screenshot").isEqualTo(true);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "ui.png")).setFullPage(false));
    }

    @Test
    void theRunFormStartsAWorkflowWithItsParameters() {
        String definition = """
                title: Greet someone
                workflow_definition:
                  parameters:
                    - key: who
                      parameter_type: workflow
                      workflow_parameter_type: string
                  blocks:
                    - block_type: wait
                      label: pause
                      wait_sec: 1
                """;
        String id = api.post("/v1/workflows", Map.of("yaml_definition", definition)).json().get("workflow_permanent_id").asText();

        page.navigate(api.url("/#/workflows"));
        Locator form = page.locator("form[data-workflow='" + id + "']");
        form.locator("input[name='who']").fill("Ada");
        form.locator("button[type=submit]").click();
        page.waitForURL("**/#/runs/wr_*");

        String runId = page.url().substring(page.url().indexOf("#/runs/") + "#/runs/".length());
        JsonNode run = api.get("/v1/runs/" + runId).json();
        assertThat(run.get("run_request").get("parameters").get("who").asText()).isEqualTo("Ada");
        assertThat(run.get("title").asText()).isEqualTo("Greet someone");
        page.locator("h1 [data-status='completed']").waitFor();

        page.navigate(api.url("/#/credentials"));
        page.locator("#credentials").waitFor();
    }
}
