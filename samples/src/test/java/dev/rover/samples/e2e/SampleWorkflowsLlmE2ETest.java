package dev.rover.samples.e2e;

import dev.rover.Rover;
import dev.rover.WorkflowRunOptions;
import dev.rover.core.json.Json;
import dev.rover.core.run.FileInfo;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import dev.rover.core.secret.Credential;
import dev.rover.samples.demo.DemoAccount;
import dev.rover.samples.demo.DemoOrders;
import dev.rover.samples.demo.DemoSite;
import dev.rover.samples.e2e.fakellm.ScriptedLlmProvider;
import dev.rover.samples.e2e.fakellm.ScriptedLlmProvider.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.rover.samples.e2e.fakellm.Intent.check;
import static dev.rover.samples.e2e.fakellm.Intent.click;
import static dev.rover.samples.e2e.fakellm.Intent.inputText;
import static dev.rover.samples.e2e.fakellm.Intent.selectOption;
import static dev.rover.samples.e2e.fakellm.Intent.uploadFile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other sample workflows through the LLM engine, with the scripted provider reading what it
 * needs from the prompts it receives: the contact form (select, checkbox, upload, confirmation
 * read from the page) and the invoice downloads (orders read from the table, a loop of downloads).
 */
class SampleWorkflowsLlmE2ETest {

    private static final DemoAccount ACCOUNT = DemoAccount.standard();
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path data;

    private static LlmPortal portal;
    private static DemoSite site;
    private static ScriptedLlmProvider llm;
    private static Rover rover;
    private static Credential credential;

    @BeforeAll
    static void start() throws IOException {
        portal = LlmPortal.start(data, builder -> builder);
        site = portal.site();
        llm = portal.llm();
        rover = portal.rover();
        credential = rover.credentials().addPassword("portal", ACCOUNT.username(), ACCOUNT.password(), ACCOUNT.totpSecret());
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    @BeforeEach
    void scriptTheLogin() {
        llm.reset();
        LlmPortal.scriptLogin(llm);
    }

    @Test
    void fillsAndSendsTheContactFormAndReadsTheConfirmation(@TempDir Path files) throws IOException {
        Path attachment = Files.writeString(files.resolve("march-invoices.txt"), "Invoices ORD-1013 and ORD-1014, please.");
        llm.then(inputText("Your name", "Ada Lovelace"), inputText("Email", "ada@example.com"), selectOption("Topic", "Billing"),
                        check("Urgent"), inputText("Message", "Please resend the March invoices."),
                        uploadFile("Attachment", attachment.toString()), click("Send message"))
                .extractsFrom(SampleWorkflowsLlmE2ETest::confirmation);

        Run run = rover.runWorkflow(Path.of("workflows", "contact-form.yaml"),
                Map.of("portal_url", site.url(), "credentials", credential.id(), "attachment", attachment.toString()),
                WorkflowRunOptions.builder().waitForCompletion(true).timeout(WAIT).build());

        assertThat(run.status()).as("failure: %s", run.failureReason()).isEqualTo(RunStatus.COMPLETED);
        assertThat(llm.scriptFailures()).isZero();
        Map<?, ?> confirmation = (Map<?, ?>) ((Map<?, ?>) run.output()).get("confirmation_output");
        assertThat((String) confirmation.get("reference")).matches("MSG-\\d+");
        assertThat(confirmation.get("status")).isEqualTo("Received");
        assertThat((String) confirmation.get("topic")).as("the chosen topic, as label or value").isEqualToIgnoringCase("billing");
        assertThat(confirmation.get("attachment")).asString().contains("march-invoices.txt");
        String formPrompt = llm.calls(Kind.DECIDE).get(2).prompt();
        assertThat(formPrompt).contains("Upload \"" + attachment + "\" to \"Attachment\"").contains("Billing");
    }

    @Test
    void downloadsTheInvoicesOfTheNewestOrdersInALoop() throws IOException {
        llm.extractsFrom(SampleWorkflowsLlmE2ETest::orderRows)
                .then(click("Download invoice"))
                .then(click("Download invoice"))
                .then(click("Download invoice"));

        Run run = rover.runWorkflow(Path.of("workflows", "download-invoices.yaml"),
                Map.of("portal_url", site.url(), "credentials", credential.id()),
                WorkflowRunOptions.builder().waitForCompletion(true).timeout(WAIT).build());

        assertThat(run.status()).as("failure: %s", run.failureReason()).isEqualTo(RunStatus.COMPLETED);
        assertThat(llm.scriptFailures()).isZero();
        List<String> newest = site.orders().all().stream().limit(3).map(DemoOrders.Order::id).toList();
        assertThat(run.downloadedFiles()).extracting(FileInfo::name)
                .containsExactlyInAnyOrderElementsOf(newest.stream().map(id -> "invoice-" + id + ".pdf").toList());
        for (FileInfo file : run.downloadedFiles()) {
            byte[] pdf = Files.readAllBytes(Path.of(URI.create(file.url())));
            assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }
        List<ScriptedLlmProvider.Call> downloads = llm.calls(Kind.DECIDE).subList(2, 5);
        for (int i = 0; i < 3; i++) {
            assertThat(downloads.get(i).prompt()).as("iteration %d is on its order's page", i).contains("/orders/" + newest.get(i));
        }
    }

    /** What a model reads off the confirmation page's labelled values. */
    private static String confirmation(String prompt) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (String label : List.of("Reference", "Status", "Topic", "Attachment")) {
            Matcher m = Pattern.compile("(?m)^- " + label + ": (.+)$").matcher(prompt);
            data.put(label.toLowerCase(java.util.Locale.ROOT), m.find() ? m.group(1).strip() : null);
        }
        return Json.compact(data);
    }

    /** What a model reads off the orders table: every row's id and date. */
    private static String orderRows(String prompt) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Matcher m = Pattern.compile("\\| (ORD-\\d+) \\| (\\d{4}-\\d{2}-\\d{2}) \\|").matcher(prompt);
        while (m.find()) {
            rows.add(Map.of("order_id", m.group(1), "date", m.group(2)));
        }
        return Json.compact(Map.of("orders", rows));
    }
}
