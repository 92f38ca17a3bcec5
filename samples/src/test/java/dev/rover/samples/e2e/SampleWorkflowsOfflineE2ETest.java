package dev.rover.samples.e2e;

import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.FileInfo;
import dev.rover.core.run.Run;
import dev.rover.samples.demo.DemoOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static dev.rover.samples.e2e.RunChecks.assertArtifacts;
import static dev.rover.samples.e2e.RunChecks.assertCompleted;
import static dev.rover.samples.e2e.RunChecks.assertTimeline;
import static dev.rover.samples.e2e.RunChecks.blockOutput;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three sample workflows run as a user runs them: against the demo portal, in headless
 * Chromium, with the offline engine and the demo login (password + TOTP) from the credential vault.
 */
class SampleWorkflowsOfflineE2ETest {

    @TempDir
    static Path data;
    @TempDir
    static Path files;

    private static OfflinePortal portal;

    @BeforeAll
    static void start() throws IOException {
        portal = OfflinePortal.start(data);
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void ordersInTheDateRangeAreExtractedWithNumericTotals() {
        Run run = portal.runSample("orders-in-date-range.yaml", Map.of("start_date", "2026-03-01", "end_date", "2026-04-30"));

        assertCompleted(run);
        Map<String, Object> extracted = blockOutput(run, "extract_orders");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> orders = (List<Map<String, Object>>) extracted.get("orders");
        List<DemoOrders.Order> expected = portal.site().orders().between(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-04-30"));
        assertThat(expected).hasSizeGreaterThan(3);
        assertThat(orders).extracting(o -> o.get("order_id")).containsExactlyElementsOf(expected.stream().map(DemoOrders.Order::id).toList());
        assertThat(orders).extracting(o -> o.get("date")).containsExactlyElementsOf(expected.stream().map(o -> o.date().toString()).toList());
        assertThat(orders).extracting(o -> o.get("status")).containsExactlyElementsOf(expected.stream().map(DemoOrders.Order::status).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(orders.get(i).get("total")).as("total of %s", expected.get(i).id()).isInstanceOf(Number.class);
            assertThat(new BigDecimal(orders.get(i).get("total").toString())).isEqualByComparingTo(expected.get(i).total());
        }
        assertTimeline(portal.rover(), run, "sign_in", "filter_orders", "extract_orders");
        assertArtifacts(portal.rover(), run);
    }

    @Test
    void invoicesOfTheNewestThreeOrdersAreDownloadedAsPdfsWithChecksums() throws Exception {
        Run run = portal.runSample("download-invoices.yaml", Map.of("invoice_count", 3));

        assertCompleted(run);
        List<String> newest = portal.site().orders().all().stream().limit(3).map(DemoOrders.Order::id).toList();
        assertThat(run.downloadedFiles()).extracting(FileInfo::name)
                .containsExactlyInAnyOrderElementsOf(newest.stream().map(id -> "invoice-" + id + ".pdf").toList());
        for (FileInfo file : run.downloadedFiles()) {
            byte[] pdf = Files.readAllBytes(Path.of(URI.create(file.url())));
            assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).as(file.name()).isEqualTo("%PDF-");
            assertThat(new String(pdf, StandardCharsets.ISO_8859_1).stripTrailing()).as(file.name()).endsWith("%%EOF");
            assertThat(file.size()).isEqualTo(pdf.length);
            assertThat(file.checksum()).as(file.name()).isEqualTo(sha256(pdf));
            String orderId = file.name().substring("invoice-".length(), file.name().length() - ".pdf".length());
            assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).as("the invoice names its order").contains(orderId);
        }
        assertThat(portal.rover().getRunArtifacts(run.runId().value(), ArtifactType.DOWNLOAD)).hasSize(3);
        assertTimeline(portal.rover(), run, "sign_in", "open_orders", "newest_orders", "each_order");
        assertArtifacts(portal.rover(), run);
    }

    @Test
    void contactFormIsSentWithTopicCheckboxAndAttachment() throws IOException {
        Path attachment = Files.writeString(files.resolve("march-invoices.txt"), "Invoices ORD-1010 and ORD-1011, please.\n");

        Run run = portal.runSample("contact-form.yaml", Map.of("attachment", attachment.toString()));

        assertCompleted(run);
        Map<String, Object> confirmation = blockOutput(run, "confirmation");
        assertThat((String) confirmation.get("reference")).matches("MSG-\\d+");
        assertThat(confirmation.get("status")).isEqualTo("Received");
        assertThat(confirmation.get("topic")).isEqualTo("Billing");
        assertThat(confirmation.get("urgent")).as("the Urgent checkbox was ticked").isEqualTo("Yes");
        assertThat((String) confirmation.get("attachment")).startsWith("march-invoices.txt");
        assertTimeline(portal.rover(), run, "sign_in", "fill_contact_form", "let_it_settle", "confirmation");
        assertArtifacts(portal.rover(), run);
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
