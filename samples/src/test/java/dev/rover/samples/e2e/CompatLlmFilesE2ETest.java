package dev.rover.samples.e2e;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rover.Rover;
import dev.rover.WorkflowRunOptions;
import dev.rover.browser.BrowserOptions;
import dev.rover.core.json.Json;
import dev.rover.core.run.Run;
import dev.rover.samples.e2e.fakellm.ScriptedLlmProvider;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.rover.samples.e2e.RunChecks.assertCompleted;
import static dev.rover.samples.e2e.RunChecks.blockOutput;
import static dev.rover.samples.e2e.fakellm.Intent.click;
import static dev.rover.samples.e2e.fakellm.Intent.complete;
import static dev.rover.samples.e2e.fakellm.Intent.inputText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real Skyvern exports from {@code shared/compat/skyvern} whose goals need a language model (the offline
 * engine refuses goals such as "review entered data and submit the form only once"), run unchanged in headless
 * Chromium with a scripted model ({@link ScriptedLlmProvider}) against pages served by the test, SMTP settings
 * from the Secrets Manager fake, uploads to the S3 stand-in and mail to GreenMail; {@code proxy_location: RESIDENTIAL}
 * is met with a forwarding proxy on 127.0.0.1.
 */
class CompatLlmFilesE2ETest {

    static final String SMTP_USER = "ses-user";
    static final String SMTP_PASSWORD = "ses-password-Qw83Rt";
    static final String S3_KEY_ID = "AKIDLLMCOMPAT";
    static final String PORTAL_PASSWORD = "roast-Pw-4471z";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SMTP_USER, SMTP_PASSWORD))
            .withPerMethodLifecycle(false);

    @TempDir
    static Path data;

    static Path compat;
    static ScriptedLlmProvider llm;
    static AccountPortal accounts;
    static EmberPortal ember;
    static FakeSecretsManager secrets;
    static FakeS3Server s3;
    static ForwardingProxy proxy;
    static ServiceFiles files;
    static ReportsSite reports;
    static Rover rover;

    @BeforeAll
    static void start() throws IOException {
        compat = CompatFiles.locate();
        llm = ScriptedLlmProvider.start();
        accounts = AccountPortal.start("intake.owner", "intake-Pw-0921k");
        ember = EmberPortal.start("buyer@ember.test", PORTAL_PASSWORD);
        secrets = FakeSecretsManager.start();
        s3 = FakeS3Server.start(S3_KEY_ID);
        proxy = ForwardingProxy.start();
        files = ServiceFiles.start();
        reports = ReportsSite.start(Files.createDirectories(data.resolve("stand-in-tls")));
        // example.com resolves to the stand-in, whose self-signed certificate (and only it) Chromium trusts
        rover = Rover.builder().dataDirectory(data).llm(llm.config().build()).proxy(proxy.address())
                .browserOptions(BrowserOptions.builder().launchArgs(reports.chromiumArgs()).build())
                .environment(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", S3_KEY_ID,
                        "AWS_SECRET_ACCESS_KEY", "llm-compat-secret-key-Tz40", "AWS_ENDPOINT_URL_S3", s3.endpoint(),
                        "AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint(), "ROVER_S3_BUCKET", "invoices"))
                .build();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {rover, reports, proxy, files, s3, secrets, ember, accounts, llm}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // the next stand-in still closes
            }
        }
    }

    @BeforeEach
    void resetScript() {
        llm.reset();
    }

    @Test
    void multiPageFormFillsReviewsAndSubmitsOnce() {
        assumeTrue(compat != null, "shared/compat/skyvern is not present above the working directory");
        llm.then(inputText("First name", "Maren"), inputText("Last name", "Okafor"),
                        inputText("Email", "maren.okafor@example.com"), click("Continue"), complete())
                .then(click("Submit"), complete())
                .extractsFrom(prompt -> "{\"confirmation_number\": \"" + labelled(prompt, "Confirmation number")
                        + "\", \"status\": \"" + labelled(prompt, "Status") + "\"}");

        Run run = rover.runWorkflow(compat.resolve("multi-page-form.json"),
                Map.of("start_url", accounts.url() + "/intake", "first_name", "Maren", "last_name", "Okafor",
                        "email", "maren.okafor@example.com"),
                WorkflowRunOptions.builder().waitForCompletion(true).timeout(Duration.ofMinutes(2)).build());

        assertCompleted(run);
        assertThat(llm.scriptFailures()).isZero();
        assertThat(accounts.submissions()).containsExactly(
                new AccountPortal.Submission("Maren", "Okafor", "maren.okafor@example.com"));
        Map<String, Object> confirmation = blockOutput(run, "extract_confirmation");
        assertThat(confirmation).containsEntry("confirmation_number", AccountPortal.CONFIRMATION)
                .containsEntry("status", "Submitted");
    }

    @Test
    void legacyInvoiceDemoLogsInFromTheVaultDownloadsUploadsAndMails() throws Exception {
        assumeTrue(compat != null, "shared/compat/skyvern is not present above the working directory");
        // the Bitwarden login parameter names no item (its ids are "SECRET"), so it is the vault login named by its key
        rover.credentials().addPassword("credentials", "buyer@ember.test", PORTAL_PASSWORD, null);
        secrets.secret("SKYVERN_SMTP_HOST_AWS_SES", "localhost")
                .secret("SKYVERN_SMTP_PORT_AWS_SES", String.valueOf(MAIL.getSmtp().getPort()))
                .secret("SKYVERN_SMTP_USERNAME_SES", SMTP_USER)
                .secret("SKYVERN_SMTP_PASSWORD_SES", SMTP_PASSWORD);
        List<EmberPortal.Order> expected = EmberPortal.between(java.time.LocalDate.parse("2026-05-01"),
                java.time.LocalDate.parse("2026-12-31"));
        assertThat(expected).hasSize(2);
        String historyUrl = ember.url() + "/orders?start_date=2026-05-01&end_date=2026-12-31";
        StringBuilder ids = new StringBuilder();
        for (EmberPortal.Order order : expected) {
            ids.append(ids.isEmpty() ? "" : ", ").append("{\"order_date\": \"").append(order.date())
                    .append("\", \"order_id\": \"").append(order.id()).append("\"}");
        }
        llm.then(inputText("Email", "{{detail:username}}"), inputText("Password", "{{detail:password}}"), click("Sign in"), complete())
                .then(click("Order History"), complete())
                .extracts("{\"order_history_url\": \"" + historyUrl + "\", \"contact_emails\": [],"
                        + " \"date_comparison_scratchpad\": \"orders on or after 2026-05-01\", \"order_ids\": [" + ids + "]}");
        for (EmberPortal.Order order : expected) {
            llm.then(click(order.id())).then(click("Download Invoice"));
        }

        Run run = rover.runWorkflow(compat.resolve("legacy-invoice-demo-fern.yaml"),
                Map.of("website_url", ember.url() + "/login", "invoice_retrieval_start_date", "2026-05-01"),
                WorkflowRunOptions.builder().waitForCompletion(true).timeout(Duration.ofMinutes(3)).build());

        assertCompleted(run);
        assertThat(llm.scriptFailures()).isZero();
        List<String> files = expected.stream().map(o -> o.id() + ".pdf").toList();
        List<String> uploaded = new ArrayList<>();
        s3.objects().forEach((key, content) -> {
            if (key.startsWith("invoices/" + run.runId() + "/")) {
                uploaded.add(key.substring(key.lastIndexOf('/') + 1));
                assertThat(new String(content, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            }
        });
        assertThat(uploaded).containsExactlyInAnyOrderElementsOf(files);

        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly("founders@skyvern.com");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("hello@skyvern.com");
        assertThat(mail.getSubject()).isEqualTo("Skyvern - Downloaded Invoices Demo");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        List<String> attached = new ArrayList<>();
        for (int i = 1; i < parts.getCount(); i++) {
            attached.add(parts.getBodyPart(i).getFileName());
        }
        assertThat(attached).containsExactlyInAnyOrderElementsOf(files);
        assertThat((String) parts.getBodyPart(0).getContent()).contains(ember.url() + "/login");
        String everything = Json.compact(run.output()) + String.join("\n", llm.calls().stream().map(ScriptedLlmProvider.Call::requestBody).toList());
        assertThat(everything).doesNotContain(PORTAL_PASSWORD.substring(0, 6)).doesNotContain(SMTP_PASSWORD.substring(0, 6));
    }

    @Test
    void jobApplicationFillerParsesTheResumeSearchesAndAppliesToEveryJob() throws Exception {
        assumeTrue(compat != null, "shared/compat/skyvern is not present above the working directory");
        var login = rover.credentials().addPassword("job-portal", "intake.owner", "intake-Pw-0921k", null);
        String resumeUrl = files.serve("/resume.pdf", ServiceFiles.pdf(List.of("Maren Okafor", "Email: maren.okafor@example.com",
                "Experience: 6 years of laminated dough and viennoiserie")));
        StringBuilder jobs = new StringBuilder();
        for (AccountPortal.Job job : AccountPortal.JOBS) {
            jobs.append(jobs.isEmpty() ? "" : ", ").append("{\"job_page_url\": \"").append(accounts.url()).append("/jobs/").append(job.id())
                    .append("\", \"title\": \"").append(job.title()).append("\", \"employer\": \"").append(job.employer())
                    .append("\", \"location\": \"").append(job.location()).append("\", \"type\": \"").append(job.type()).append("\"}");
        }
        llm.extractsFrom(prompt -> "{\"name\": \"" + (prompt.contains("Maren Okafor") ? "Maren Okafor" : "unknown")
                        + "\", \"email\": \"" + labelledEmail(prompt) + "\"}")
                .then(inputText("Username", "{{detail:username}}"), inputText("Password", "{{detail:password}}"), click("Log in"), complete())
                .then(inputText("Search jobs", "pastry"), click("Search"), complete())
                .extracts("{\"jobs\": [" + jobs + "]}");
        for (AccountPortal.Job job : AccountPortal.JOBS) {
            llm.extractsFrom(prompt -> "{\"title\": \"" + job.title() + "\", \"employer\": \""
                            + (prompt.contains("Employer: " + job.employer()) ? job.employer() : "unknown") + "\"}")
                    .then(click("Apply"))
                    .extracts("{\"questions\": [\"Full name\", \"Email\", \"Why do you want this role?\"]}")
                    .answersPrompt(prompt -> "{\"llm_response\": \"" + (prompt.contains(job.title() + " at " + job.employer())
                            ? "I bake " + job.title() : "wrong job") + "\"}")
                    .then(inputText("Full name", "Maren Okafor"), inputText("Email", "maren.okafor@example.com"),
                            inputText("Why do you want this role?", "I bake " + job.title()), click("Submit application"), complete());
        }

        Run run = rover.runWorkflow(compat.resolve("job-application-filler.yaml"),
                Map.of("resume", resumeUrl, "credentials", login.id(), "job_portal_url", accounts.url() + "/login"),
                WorkflowRunOptions.builder().waitForCompletion(true).timeout(Duration.ofMinutes(3)).build());

        assertCompleted(run);
        assertThat(llm.scriptFailures()).isZero();
        assertThat(proxy.urls()).as("page requests went through the proxy").anyMatch(u -> u.startsWith(accounts.url()));
        Map<String, Object> resume = blockOutput(run, "parsed_resume");
        assertThat(resume).containsEntry("name", "Maren Okafor").containsEntry("email", "maren.okafor@example.com");
        assertThat(accounts.applications()).containsExactlyElementsOf(AccountPortal.JOBS.stream()
                .map(j -> new AccountPortal.Application(j.id(), "Maren Okafor", "maren.okafor@example.com", "I bake " + j.title()))
                .toList());
        String output = Json.compact(run.output());
        for (AccountPortal.Job job : AccountPortal.JOBS) {
            assertThat(output).as("the loop's outputs for %s", job.id()).contains("I bake " + job.title())
                    .contains("\"employer\":\"" + job.employer() + "\"");
        }
        assertThat(output + String.join("\n", llm.calls().stream().map(ScriptedLlmProvider.Call::requestBody).toList()))
                .doesNotContain("intake-Pw");
    }

    @Test
    void conditionalRetryWaitsForTheReportAndExtractsIt() {
        assumeTrue(compat != null, "shared/compat/skyvern is not present above the working directory");
        java.util.concurrent.atomic.AtomicInteger judged = new java.util.concurrent.atomic.AtomicInteger();
        llm.then(click("Latest report " + ReportsSite.REPORT_ID), complete())
                // the first look finds the report processing (it becomes ready during the wait), the second finds its rows
                .judges(page -> {
                    judged.incrementAndGet();
                    reports.markReady();
                    return page.contains("Status: ready") && page.contains("Region 3");
                })
                .judges(page -> {
                    judged.incrementAndGet();
                    return page.contains("Status: ready") && page.contains("Region 3");
                })
                .extractsFrom(prompt -> "{\"report_id\": \"" + labelled(prompt, "Report ID") + "\", \"generated_at\": \""
                        + ReportsSite.GENERATED_AT + "\", \"row_count\": " + labelled(prompt, "Row count") + "}");

        Run run = rover.runWorkflow(compat.resolve("conditional-retry.json"), Map.of(),
                WorkflowRunOptions.builder().waitForCompletion(true).timeout(Duration.ofMinutes(2)).build());

        assertCompleted(run);
        assertThat(llm.scriptFailures()).isZero();
        assertThat(reports.hosts()).as("the browser asked example.com, served by the stand-in").contains("example.com")
                .allMatch(h -> h.equals("example.com"));
        assertThat(judged).as("the condition was checked before and after the wait").hasValue(2);
        assertThat(rover.getRunTimeline(run.runId().value()).stream()
                .filter(e -> e.type() == dev.rover.core.run.TimelineEntry.Type.BLOCK).map(e -> e.label()).toList())
                .containsSubsequence("open_report", "if_report_ready", "wait_then_retry", "if_report_ready", "extract_report");
        Map<String, Object> report = blockOutput(run, "extract_report");
        assertThat(report).containsEntry("report_id", ReportsSite.REPORT_ID)
                .containsEntry("generated_at", ReportsSite.GENERATED_AT)
                .containsEntry("row_count", ReportsSite.ROWS);
    }

    private static String labelledEmail(String prompt) {
        Matcher m = Pattern.compile("Email:\\s*(\\S+@\\S+?)[\\s\"\\\\]").matcher(prompt);
        return m.find() ? m.group(1) : "none";
    }

    /** The value after "Label:" in a prompt's page content, as a model would read it. */
    private static String labelled(String prompt, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + ":\\s*([A-Za-z0-9-]+)").matcher(prompt);
        assertThat(m.find()).as("the page shows %s", label).isTrue();
        return m.group(1);
    }
}
