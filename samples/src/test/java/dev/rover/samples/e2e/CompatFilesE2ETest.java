package dev.rover.samples.e2e;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rover.Rover;
import dev.rover.WorkflowRunOptions;
import dev.rover.core.json.Json;
import dev.rover.core.run.Run;
import dev.rover.core.secret.Credential;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.rover.samples.e2e.RunChecks.assertCompleted;
import static dev.rover.samples.e2e.RunChecks.blockOutput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real Skyvern exports from {@code shared/compat/skyvern}, run unchanged
 * in headless Chromium with the offline engine against the portal they were written for ({@link EmberPortal}): SMTP settings from AWS Secrets
 * Manager (in-process), mail to GreenMail. {@code proxy_location: RESIDENTIAL} is met with a forwarding
 * proxy on 127.0.0.1 that every page request goes through. The generic exports run against {@link AccountPortal}.
 */
class CompatFilesE2ETest {

    static final String SMTP_USER = "ses-user";
    static final String SMTP_PASSWORD = "ses-password-Jx2Lp9Q";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SMTP_USER, SMTP_PASSWORD))
            .withPerMethodLifecycle(false);

    @TempDir
    static Path data;

    static Path compat;
    static EmberPortal site;
    static FakeSecretsManager secrets;
    static ForwardingProxy proxy;
    static Rover rover;
    static Credential login;
    static AccountPortal accounts;
    static Credential accountLogin;

    static final String ACCOUNT_PASSWORD = "harbor-Pw-5531q";

    @BeforeAll
    static void start() throws IOException {
        compat = CompatFiles.locate();
        site = EmberPortal.start("buyer@ember.test", "roast-Pw-8812x");
        secrets = FakeSecretsManager.start();
        proxy = ForwardingProxy.start();
        rover = Rover.builder().dataDirectory(data).defaultEngine("offline").proxy(proxy.address())
                .environment(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "AKIDCOMPAT",
                        "AWS_SECRET_ACCESS_KEY", "compat-secret-key-Vb71", "AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint()))
                .build();
        login = rover.credentials().addPassword("ember-portal", "buyer@ember.test", "roast-Pw-8812x", null);
        accounts = AccountPortal.start("harbor.owner", ACCOUNT_PASSWORD);
        accountLogin = rover.credentials().addPassword("harbor-portal", "harbor.owner", ACCOUNT_PASSWORD, null);
    }

    @AfterAll
    static void stop() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
        if (rover != null) {
            rover.close();
        }
        if (secrets != null) {
            secrets.close();
        }
        if (site != null) {
            site.close();
        }
        if (accounts != null) {
            accounts.close();
        }
    }

    @Test
    void bulkInvoiceDownloaderDownloadsParsesAndMailsTheInvoices() throws Exception {
        assumeTrue(compat != null, "shared/compat/skyvern is not present above the working directory");
        secrets.secret("SKYVERN_SMTP_HOST_AWS_SES", "localhost")
                .secret("SKYVERN_SMTP_PORT_AWS_SES", String.valueOf(MAIL.getSmtp().getPort()))
                .secret("SKYVERN_SMTP_USERNAME_SES", SMTP_USER)
                .secret("SKYVERN_SMTP_PASSWORD_SES", SMTP_PASSWORD);
        LocalDate from = LocalDate.parse("2026-04-01");
        LocalDate to = LocalDate.parse("2026-05-31");
        List<EmberPortal.Order> expected = EmberPortal.between(from, to);
        assertThat(expected).hasSize(3);

        Run run = rover.runWorkflow(compat.resolve("bulk-invoice-downloader.yaml"),
                Map.of("portal_url", site.url(), "start_date", from.toString(), "end_date", to.toString(),
                        "recipient_email", "finance@example.com", "credentials", login.id()),
                WorkflowRunOptions.builder().waitForCompletion(true).timeout(Duration.ofMinutes(4)).build());

        assertCompleted(run);
        assertThat(proxy.urls()).as("page requests went through the proxy").anyMatch(u -> u.startsWith(site.url()));
        Map<String, Object> extracted = blockOutput(run, "data_extraction_block");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> orders = (List<Map<String, Object>>) extracted.get("orders");
        assertThat(orders).extracting(o -> o.get("order_id")).containsExactlyElementsOf(expected.stream().map(EmberPortal.Order::id).toList());

        // every order's invoice is downloaded, parsed into the schema, attached and mailed
        List<Map<String, Object>> downloads = blockOutput(run, "for_1_block");
        List<Map<String, Object>> parsed = blockOutput(run, "for_2_block");
        assertThat(downloads).hasSize(expected.size());
        assertThat(parsed).hasSize(expected.size());
        List<String> downloadedFiles = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            EmberPortal.Order order = expected.get(i);
            assertThat(downloads.get(i)).as("download of the invoice of %s", order.id()).containsEntry("status", "completed");
            downloadedFiles.add("invoice_" + order.id() + ".pdf");
            assertThat(parsed.get(i)).as("parsed invoice of %s", order.id())
                    .containsEntry("invoice_id", "INV-" + order.id().substring(3))
                    .containsEntry("date", order.date().toString());
            assertThat(new java.math.BigDecimal(parsed.get(i).get("amount").toString()))
                    .isEqualByComparingTo(new java.math.BigDecimal(order.total()));
        }

        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly("finance@example.com");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("hello@skyvern.com");
        assertThat(mail.getSubject()).isEqualTo("Ember Roasters Invoices from 2026-04-01 to 2026-05-31");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        List<String> attached = new ArrayList<>();
        for (int i = 1; i < parts.getCount(); i++) {
            attached.add(parts.getBodyPart(i).getFileName());
            assertThat(new String(parts.getBodyPart(i).getInputStream().readNBytes(5))).isEqualTo("%PDF-");
        }
        assertThat(attached).containsExactlyInAnyOrderElementsOf(downloadedFiles);
        String body = (String) parts.getBodyPart(0).getContent();
        for (EmberPortal.Order order : expected) {
            assertThat(body).contains("INV-" + order.id().substring(3));
        }
        assertThat(body + Json.compact(run.output())).doesNotContain(SMTP_PASSWORD).doesNotContain(SMTP_PASSWORD.substring(0, 6));
    }

    @Test
    void loginAndExtractSignsInFromTheVaultAndExtractsTheSummary() {
        assumeTrue(compat != null, "shared/compat/skyvern is not present above the working directory");
        Run run = rover.runWorkflow(compat.resolve("login-and-extract.json"),
                Map.of("portal_url", accounts.url() + "/login", "login_credential", accountLogin.id()),
                WorkflowRunOptions.builder().waitForCompletion(true).timeout(Duration.ofMinutes(2)).build());

        assertCompleted(run);
        Map<String, Object> summary = blockOutput(run, "extract_summary");
        assertThat(summary).containsEntry("account_name", AccountPortal.ACCOUNT_NAME)
                .containsEntry("current_balance", AccountPortal.BALANCE)
                .containsEntry("next_due_date", AccountPortal.DUE_DATE);
        assertThat(Json.compact(run.output())).doesNotContain(ACCOUNT_PASSWORD).doesNotContain(ACCOUNT_PASSWORD.substring(0, 6));
    }
}
