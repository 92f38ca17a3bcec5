package dev.rover.samples.e2e;

import dev.rover.Rover;
import dev.rover.WorkflowRunOptions;
import dev.rover.core.json.Json;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import dev.rover.core.secret.Credential;
import dev.rover.samples.demo.DemoAccount;
import dev.rover.samples.demo.DemoOrders;
import dev.rover.samples.demo.DemoSite;
import dev.rover.samples.e2e.fakellm.ScriptedLlmProvider;
import dev.rover.samples.e2e.fakellm.ScriptedLlmProvider.Call;
import dev.rover.samples.e2e.fakellm.ScriptedLlmProvider.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static dev.rover.samples.e2e.fakellm.Intent.click;
import static dev.rover.samples.e2e.fakellm.Intent.inputText;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample workflow {@code orders-in-date-range.yaml} driven through the LLM engine by a scripted
 * OpenAI-compatible provider, in real headless Chromium against the demo portal: login with
 * password and TOTP, the date filter, extraction into the schema.
 */
class OrdersWorkflowLlmE2ETest {

    private static final Path WORKFLOW = Path.of("workflows", "orders-in-date-range.yaml");
    private static final DemoAccount ACCOUNT = DemoAccount.standard();

    @TempDir
    static Path data;

    private static LlmPortal portal;
    private static DemoSite site;
    private static ScriptedLlmProvider llm;
    private static Rover rover;

    @BeforeAll
    static void start() throws IOException {
        portal = LlmPortal.start(data, builder -> builder);
        site = portal.site();
        llm = portal.llm();
        rover = portal.rover();
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void logsInWithPasswordAndTotpFiltersAndExtractsTheOrdersOfTheRange() throws IOException {
        Credential credential = rover.credentials().addPassword("portal", ACCOUNT.username(), ACCOUNT.password(),
                ACCOUNT.totpSecret());
        List<DemoOrders.Order> expected = site.orders().between(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-04-30"))
                .stream().limit(DemoSite.PAGE_SIZE).toList();
        LlmPortal.scriptLogin(llm)
                .then(inputText("From date", "2026-03-01"), inputText("To date", "2026-04-30"), click("Filter"))
                .extracts(Json.compact(Map.of("orders", expected.stream().map(OrdersWorkflowLlmE2ETest::asJson).toList())));

        Run run = rover.runWorkflow(WORKFLOW, Map.of("portal_url", site.url(), "credentials", credential.id()),
                WorkflowRunOptions.builder().waitForCompletion(true).timeout(Duration.ofSeconds(90)).build());

        assertThat(run.status()).as("failure: %s", run.failureReason()).isEqualTo(RunStatus.COMPLETED);
        assertThat(llm.scriptFailures()).isZero();
        Map<?, ?> outputs = (Map<?, ?>) run.output();
        Map<?, ?> extracted = (Map<?, ?>) outputs.get("extract_orders_output");
        List<?> orders = (List<?>) extracted.get("orders");
        List<Object> ids = orders.stream().map(o -> (Object) ((Map<?, ?>) o).get("order_id")).toList();
        assertThat(ids).containsExactlyElementsOf(expected.stream().map(o -> (Object) o.id()).toList());
        assertThat(((Map<?, ?>) orders.get(0)).get("total")).isInstanceOf(Number.class);

        List<Call> decides = llm.calls(Kind.DECIDE);
        assertThat(decides).hasSize(3);
        assertThat(decides.get(0).prompt()).containsPattern("placeholder_[A-Za-z0-9]+_password");
        assertThat(decides.get(1).prompt()).containsPattern("placeholder_[A-Za-z0-9]+_totp");
        assertThat(decides.get(1).answer()).containsPattern("placeholder_[A-Za-z0-9]+_totp");
        assertThat(llm.calls(Kind.VERIFY)).as("login verified twice (verify page, dashboard), the filter once").hasSize(3);
        Call extraction = llm.calls(Kind.EXTRACT).get(0);
        expected.forEach(o -> assertThat(extraction.prompt()).contains(o.id()));
        assertThat(extraction.prompt()).as("orders outside the range were filtered away").doesNotContain("ORD-1025");
        for (Call call : llm.calls()) {
            assertThat(call.requestBody()).doesNotContain(ACCOUNT.password()).doesNotContain(ACCOUNT.totpSecret());
        }

        int calls = llm.calls().size();
        assertThat(run.usage().llmCalls()).isEqualTo(calls);
        assertThat(run.usage().inputTokens()).isEqualTo((long) calls * ScriptedLlmProvider.inputTokensPerCall());
        assertThat(run.usage().outputTokens()).isEqualTo((long) calls * ScriptedLlmProvider.outputTokensPerCall());
        assertThat(rover.getRunArtifacts(run.runId().toString(), ArtifactType.LLM_PROMPT)).isNotEmpty();
        assertNoFileUnder(data, ACCOUNT.password(), ACCOUNT.totpSecret(), ScriptedLlmProvider.API_KEY);
    }

    /** No file Rover wrote (zip entries such as the trace included) holds any of these values in plain text. */
    private static void assertNoFileUnder(Path dir, String... secrets) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            assertNoSecret(file.toString(), bytes, secrets);
            if (file.toString().endsWith(".zip")) {
                try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                        assertNoSecret(file + "!" + entry.getName(), zip.readAllBytes(), secrets);
                    }
                }
            }
        }
    }

    private static void assertNoSecret(String where, byte[] content, String... secrets) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        for (String secret : secrets) {
            assertThat(text.contains(secret)).as("%s contains a secret value", where).isFalse();
        }
    }

    private static Map<String, Object> asJson(DemoOrders.Order order) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("order_id", order.id());
        row.put("date", order.date().toString());
        row.put("total", order.total().doubleValue());
        row.put("status", order.status());
        return row;
    }
}
