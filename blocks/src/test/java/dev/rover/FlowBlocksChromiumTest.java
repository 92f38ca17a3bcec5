package dev.rover;

import com.sun.net.httpserver.HttpServer;
import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowLoader;
import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * validation, code, while_loop and print_page through the facade in real headless Chromium, with the
 * offline engine, against pages this test serves on 127.0.0.1.
 */
class FlowBlocksChromiumTest {

    private static final String SHOP = """
            <html><head><title>Corner Shop</title></head><body>
            <h1>Order confirmed</h1>
            <ul><li>Tea</li><li>Honey</li></ul>
            <p>Clicks: <span id="count">0</span></p>
            <button id="more" onclick="document.getElementById('count').textContent =
                String(Number(document.getElementById('count').textContent) + 1)">More</button>
            </body></html>""";
    private static final String SOLD_OUT = """
            <html><head><title>Sold out</title></head><body><h1>Out of stock</h1><p>Come back tomorrow.</p></body></html>""";

    private static final String FILES = """
            <html><head><title>Reports</title></head><body><h1>Reports</h1>
            <a href="/export">Export report</a></body></html>""";
    /** A sign-in page that echoes the typed password back as text and in a plain field: what a PDF must not keep. */
    private static final String SIGN_IN = """
            <html><head><title>Sign in</title></head><body><h1>Sign in</h1>
            <label for="u">Username</label><input id="u" name="username">
            <label for="p">Password</label><input id="p" name="password" type="password">
            <button type="button" onclick="document.getElementById('state').textContent = 'Signed in';
                document.getElementById('echo').textContent = 'Your password is ' + document.getElementById('p').value;
                document.getElementById('copy').value = document.getElementById('p').value;">Sign in</button>
            <p id="state"></p><p id="echo"></p><label for="copy">Copy</label><input id="copy">
            </body></html>""";
    private static final String PRINTED_PASSWORD = "plum-Orchard-9931";

    private static final Duration EXPORT_DELAY = Duration.ofMillis(2500);

    @TempDir
    static Path home;

    private static HttpServer server;
    private static String base;
    private static Rover rover;

    @BeforeAll
    static void start() throws IOException {
        server = TestPages.serve(site -> {
            site.createContext("/shop", ex -> TestPages.html(ex, SHOP));
            site.createContext("/sold-out", ex -> TestPages.html(ex, SOLD_OUT));
            site.createContext("/sign-in", ex -> TestPages.html(ex, SIGN_IN));
            site.createContext("/files", ex -> TestPages.html(ex, FILES));
            site.createContext("/export", ex -> {
                try {
                    Thread.sleep(EXPORT_DELAY.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] csv = "id,total\n1,9.50\n".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "text/csv");
                ex.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"export.csv\"");
                ex.sendResponseHeaders(200, csv.length);
                ex.getResponseBody().write(csv);
                ex.close();
            });
            site.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        });
        base = TestPages.base(server);
        // a short action timeout, so only download_timeout lets a click wait for the slow export
        rover = Rover.builder().dataDirectory(home).defaultEngine("offline")
                .browserOptions(dev.rover.browser.BrowserOptions.builder().actionTimeout(Duration.ofSeconds(1)).build()).build();
    }

    @AfterAll
    static void stop() {
        TestPages.stop(rover, server);
    }

    @Test
    void aPageThatCannotBeOpenedFailsTheRunSayingSoOnceAndKeepsItsFinalScreenshot() {
        Run run = run("""
                title: Closed port
                workflow_definition:
                  blocks:
                    - {block_type: goto_url, label: open, url: "http://127.0.0.1:1/nothing"}
                """, Map.of());
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason()).contains("could not open http://127.0.0.1:1/nothing: ").contains("net::ERR_");
        assertThat(run.failureReason().split("could not open", -1)).hasSize(2);
        assertThat(run.screenshotUrls()).hasSize(1);
    }

    private static Run run(String yaml, Map<String, Object> parameters) {
        Workflow workflow = new WorkflowLoader().load(yaml.replace("BASE", base), "flow.yaml");
        return rover.runWorkflow(workflow, parameters, WorkflowRunOptions.builder().waitForCompletion(true)
                .timeout(Duration.ofMinutes(2)).build());
    }

    @Test
    void codeSeesTheParametersValidationJudgesThePageWhileLoopsUntilItsConditionAndPrintPageSavesAPdf() throws IOException {
        Run run = run("""
                title: Flow blocks
                workflow_definition:
                  parameters:
                    - {key: customer, parameter_type: workflow, workflow_parameter_type: string}
                  blocks:
                    - {block_type: goto_url, label: open, url: "BASE/shop"}
                    - block_type: code
                      label: read
                      language: javascript
                      code: |
                        const items = [...document.querySelectorAll('li')].map(li => li.textContent);
                        return {title: document.title, items, greeting: 'Hello ' + customer, same: params.customer === customer};
                    - {block_type: validation, label: check, complete_criterion: "the page shows 'Order confirmed'"}
                    - block_type: while_loop
                      label: clicks
                      max_iterations: 10
                      condition: {criteria_type: jinja2_template, expression: "{{ (press_output | default(0)) < 3 }}"}
                      loop_blocks:
                        - block_type: code
                          label: press
                          language: javascript
                          code: |
                            document.getElementById('more').click();
                            return Number(document.getElementById('count').textContent);
                    - {block_type: print_page, label: pdf, file_name: receipt}
                """, Map.of("customer", "Ada"));

        assertThat(run.status()).as(run.failureReason()).isEqualTo(RunStatus.COMPLETED);
        Map<?, ?> out = (Map<?, ?>) run.output();
        assertThat(out.get("read_output")).isEqualTo(Map.of("title", "Corner Shop", "items", List.of("Tea", "Honey"),
                "greeting", "Hello Ada", "same", true));
        assertThat(((Map<?, ?>) out.get("check_output")).get("status")).isEqualTo("completed");
        assertThat(out.get("clicks_output")).isEqualTo(List.of(1, 2, 3));
        Map<?, ?> pdf = (Map<?, ?>) out.get("pdf_output");
        assertThat(pdf.get("file_name")).isEqualTo("receipt.pdf");
        List<ArtifactRecord> pdfs = rover.getRunArtifacts(run.runId(), ArtifactType.PDF);
        assertThat(pdfs).singleElement().satisfies(a -> assertThat(a.artifactId()).isEqualTo(pdf.get("artifact_id")));
        byte[] bytes = rover.readArtifact(pdfs.get(0));
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(bytes.length).isEqualTo(((Number) pdf.get("size")).intValue());
    }

    @Test
    void printPageLeavesEverySecretTheCredentialFilledOutOfThePdf() throws IOException {
        var login = rover.credentials().addPassword("print-login", "plum.owner", PRINTED_PASSWORD, null);
        Run run = run("""
                title: Print after sign-in
                workflow_definition:
                  parameters:
                    - {key: credentials, parameter_type: workflow, workflow_parameter_type: credential_id}
                  blocks:
                    - block_type: login
                      label: sign_in
                      url: "BASE/sign-in"
                      parameter_keys: [credentials]
                      complete_criterion: "the page shows 'Signed in'"
                      max_steps_per_run: 5
                    - {block_type: print_page, label: pdf, file_name: signed-in}
                    - block_type: code
                      label: after
                      language: javascript
                      code: |
                        return {echo: document.getElementById('echo').textContent.length, copy: document.getElementById('copy').value.length,
                                password: document.getElementById('p').value.length};
                """, Map.of("credentials", login.id()));

        assertThat(run.status()).as(run.failureReason()).isEqualTo(RunStatus.COMPLETED);
        byte[] bytes = rover.readArtifact(rover.getRunArtifacts(run.runId(), ArtifactType.PDF).get(0));
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
        }
        assertThat(text).as("the PDF keeps the page's text").contains("Signed in").contains("Copy").contains("\u2022\u2022\u2022\u2022\u2022\u2022");
        assertThat(((Map<?, ?>) run.output()).get("after_output")).as("the page is as it was after printing")
                .isEqualTo(Map.of("echo", "Your password is ".length() + PRINTED_PASSWORD.length(),
                        "copy", PRINTED_PASSWORD.length(), "password", PRINTED_PASSWORD.length()));
        for (int i = 0; i + 6 <= PRINTED_PASSWORD.length(); i++) {
            assertThat(text).as("fragment %d of the password", i).doesNotContain(PRINTED_PASSWORD.substring(i, i + 6));
        }
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain(PRINTED_PASSWORD.substring(0, 6));
    }

    @Test
    void validationTerminatesWithTheMappedErrorCodeAndAFailingScriptFailsTheBlockSayingWhy() {
        Run terminated = run("""
                title: Sold out
                workflow_definition:
                  blocks:
                    - {block_type: goto_url, label: open, url: "BASE/sold-out"}
                    - block_type: validation
                      label: check
                      complete_criterion: "the page shows 'Order confirmed'"
                      terminate_criterion: "the page shows 'Out of stock'"
                      error_code_mapping:
                        OUT_OF_STOCK: "the page shows 'Out of stock'"
                        CLOSED: "the page shows 'We are closed'"
                """, Map.of());
        assertThat(terminated.status()).isEqualTo(RunStatus.TERMINATED);
        assertThat(terminated.errors()).extracting(e -> e.errorCode()).containsExactly("OUT_OF_STOCK");

        Run notMet = run("""
                title: Not confirmed
                workflow_definition:
                  blocks:
                    - {block_type: goto_url, label: open, url: "BASE/sold-out"}
                    - {block_type: validation, label: check, complete_criterion: "the page shows 'Order confirmed'"}
                    - {block_type: code, label: boom, language: javascript, code: "throw new Error('no basket here')"}
                """, Map.of());
        assertThat(notMet.status()).isEqualTo(RunStatus.FAILED);
        assertThat(notMet.failureReason()).contains("validation block 'check': complete criterion not met");

        Run failing = run("""
                title: Failing code
                workflow_definition:
                  blocks:
                    - {block_type: goto_url, label: open, url: "BASE/sold-out"}
                    - {block_type: code, label: boom, language: javascript, code: "throw new Error('no basket here')"}
                """, Map.of());
        assertThat(failing.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failing.failureReason()).contains("code block 'boom': the code failed in the page").contains("no basket here");
    }

    @Test
    void fileDownloadWaitsUpToDownloadTimeoutForASlowExportAndSavesItAsDownloadTarget() {
        Run run = run("""
                title: Slow export
                workflow_definition:
                  blocks:
                    - block_type: file_download
                      label: export
                      url: "BASE/files"
                      navigation_goal: 'Click the "Export report" link'
                      download_timeout: 10
                      download_target: monthly.csv
                """, Map.of());

        assertThat(run.status()).as(run.failureReason()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.downloadedFiles()).extracting(f -> f.name()).containsExactly("monthly.csv");
    }

    @Test
    void aWorkflowThatPersistsItsBrowserSessionKeepsItOpenAndItsNextRunReusesIt() {
        String yaml = """
                title: Keep my session
                persist_browser_session: true
                workflow_definition:
                  blocks:
                    - {block_type: goto_url, label: open, url: "BASE/shop"}
                    - block_type: code
                      label: visits
                      language: javascript
                      code: |
                        const n = Number(localStorage.getItem('visits') || 0) + 1;
                        localStorage.setItem('visits', String(n));
                        return n;
                """;

        Run first = run(yaml, Map.of());
        Run second = run(yaml, Map.of());

        assertThat(first.status()).as(first.failureReason()).isEqualTo(RunStatus.COMPLETED);
        assertThat(second.status()).as(second.failureReason()).isEqualTo(RunStatus.COMPLETED);
        Object session = ((Map<?, ?>) first.output()).get("browser_session_id");
        assertThat(session).asString().startsWith("pbs_");
        assertThat(((Map<?, ?>) second.output()).get("browser_session_id")).isEqualTo(session);
        assertThat(((Map<?, ?>) first.output()).get("visits_output")).isEqualTo(1);
        assertThat(((Map<?, ?>) second.output()).get("visits_output")).as("the second run saw the first run's storage").isEqualTo(2);
        assertThat(rover.getBrowserSession((String) session)).as("the session stays open after the runs").isPresent();
        rover.closeBrowserSession((String) session);
    }

    @Test
    void theOfflineEngineRefusesTaskV2NamingTheBlock() {
        Run run = run("""
                title: Free-form
                workflow_definition:
                  blocks:
                    - {block_type: task_v2, label: plan_it, url: "BASE/shop", prompt: Buy the cheapest tea}
                """, Map.of());

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason()).contains("task_v2 block 'plan_it' needs an LLM to plan its prompt, and the offline engine cannot")
                .contains("ROVER_LLM_PROVIDER");
    }
}
