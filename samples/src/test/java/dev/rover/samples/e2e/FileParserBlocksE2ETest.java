package dev.rover.samples.e2e;

import dev.rover.Rover;
import dev.rover.WorkflowRunOptions;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.rover.samples.e2e.RunChecks.assertCompleted;
import static dev.rover.samples.e2e.RunChecks.blockOutput;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code file_url_parser} and {@code pdf_parser} on real files (CSV, TSV, Excel written with POI, JSON,
 * PDFs written with PDFBox) fetched from a server on 127.0.0.1 or read from disk, with the offline engine
 * extracting schema-shaped data from PDF text.
 */
class FileParserBlocksE2ETest {

    @TempDir
    static Path dir;

    static ServiceFiles files;
    static Rover rover;

    @BeforeAll
    static void start() throws IOException {
        files = ServiceFiles.start();
        rover = Rover.builder().dataDirectory(dir.resolve("data")).environment(Map.of()).defaultEngine("offline").build();
    }

    @AfterAll
    static void stop() {
        rover.close();
        files.close();
    }

    static Run run(String yaml, Map<String, Object> parameters) throws IOException {
        Path file = Files.writeString(dir.resolve("wf-" + System.nanoTime() + ".yaml"), yaml);
        return rover.runWorkflow(file, parameters, WorkflowRunOptions.builder().waitForCompletion(true)
                .timeout(Duration.ofMinutes(2)).build());
    }

    @Test
    void everyFileTypeIsParsedFromUrlsAndLocalPaths() throws Exception {
        String tsv = files.serve("/data/stock.tsv", "sku\tqty\nA-1\t4\nB-2\t10\n".getBytes(StandardCharsets.UTF_8));
        String xlsx = files.serve("/data/prices.xlsx", ServiceFiles.excel("Prices",
                List.of(List.of("sku", "price"), List.of("A-1", 2.5), List.of("B-2", 10))));
        String json = files.serve("/data/meta.json", "{\"owner\": \"ops\", \"tags\": [\"a\", \"b\"]}".getBytes(StandardCharsets.UTF_8));
        Path csv = Files.writeString(dir.resolve("people.csv"), "\uFEFFname,city\n\"Ann \"\"A\"\" Lee\",Oslo\r\nBo,\"Rome\nItaly\"\r\n");
        Path pdf = Files.write(dir.resolve("memo.pdf"), ServiceFiles.pdf(List.of("Quarterly memo", "Revenue grew.")));
        String yaml = """
                title: Parse everything
                workflow_definition:
                  parameters:
                    - key: sheet
                      parameter_type: workflow
                      workflow_parameter_type: file_url
                  blocks:
                    - {block_type: file_url_parser, label: people, file_url: "%s", file_type: csv}
                    - {block_type: file_url_parser, label: stock, file_url: "%s", file_type: tsv}
                    - {block_type: file_url_parser, label: prices, file_url: "{{ sheet }}", file_type: excel}
                    - {block_type: file_url_parser, label: meta, file_url: "%s", file_type: json}
                    - {block_type: file_url_parser, label: memo, file_url: "%s", file_type: pdf}
                """.formatted(csv.toUri(), tsv, json, pdf.toString().replace("\\", "/"));

        Run run = run(yaml, Map.of("sheet", xlsx));

        assertCompleted(run);
        assertThat((Object) blockOutput(run, "people")).isEqualTo(List.of(Map.of("name", "Ann \"A\" Lee", "city", "Oslo"),
                Map.of("name", "Bo", "city", "Rome\nItaly")));
        assertThat((Object) blockOutput(run, "stock")).isEqualTo(List.of(Map.of("sku", "A-1", "qty", "4"), Map.of("sku", "B-2", "qty", "10")));
        assertThat((Object) blockOutput(run, "prices")).isEqualTo(List.of(Map.of("sku", "A-1", "price", "2.5"), Map.of("sku", "B-2", "price", "10")));
        assertThat((Object) blockOutput(run, "meta")).isEqualTo(Map.of("owner", "ops", "tags", List.of("a", "b")));
        String memo = blockOutput(run, "memo");
        assertThat(memo).contains("Quarterly memo").contains("Revenue grew.");
    }

    @Test
    void pdfsAreReadIntoTheSchemaByTheOfflineEngine() throws Exception {
        String invoice = files.serve("/inv/INV-7.pdf", ServiceFiles.pdf(List.of("Ember Roasters", "Invoice ID: INV-7",
                "Date: 2026-03-04", "Amount: 42.50")));
        String schema = """
                      json_schema:
                        type: object
                        properties:
                          invoice_id: {type: string}
                          amount: {type: number}
                          date: {type: string}
                        required: [invoice_id, amount, date]
                """;
        String yaml = """
                title: Read invoices
                workflow_definition:
                  blocks:
                    - block_type: pdf_parser
                      label: by_pdf_parser
                      file_url: "%s"
                """.formatted(invoice) + schema + """
                    - block_type: file_url_parser
                      label: by_file_parser
                      file_url: "%s"
                      file_type: pdf
                """.formatted(invoice) + schema;

        Run run = run(yaml, Map.of());

        assertCompleted(run);
        for (String label : List.of("by_pdf_parser", "by_file_parser")) {
            Map<String, Object> data = blockOutput(run, label);
            assertThat(data).as(label).containsEntry("invoice_id", "INV-7").containsEntry("date", "2026-03-04");
            assertThat(((Number) data.get("amount")).doubleValue()).as(label).isEqualTo(42.5);
        }
    }

    @Test
    void aMissingFileOrUnknownTypeFailsNamingTheBlock() throws Exception {
        Run run = run("""
                title: Missing
                workflow_definition:
                  blocks:
                    - {block_type: file_url_parser, label: nothing_there, file_url: "%s", file_type: csv}
                """.formatted(dir.resolve("absent.csv").toString().replace("\\", "/")), Map.of());

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason()).contains("file_url_parser block 'nothing_there' could not read file_url").contains("does not exist");

        Run wrongType = run("""
                title: Wrong type
                workflow_definition:
                  blocks:
                    - {block_type: file_url_parser, label: odd, file_url: "x.bin", file_type: parquet}
                """, Map.of());
        assertThat(wrongType.failureReason()).contains("file_type 'parquet' is not one of [csv, tsv, excel, pdf, json]");
    }
}
