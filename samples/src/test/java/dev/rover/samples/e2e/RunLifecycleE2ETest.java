package dev.rover.samples.e2e;

import dev.rover.Rover;
import dev.rover.RunListener;
import dev.rover.TaskRequest;
import dev.rover.WorkflowRunOptions;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.WebhookAttempt;
import dev.rover.core.secret.Credential;
import dev.rover.core.webhook.WebhookSignature;
import dev.rover.core.engine.RunBudget;
import dev.rover.samples.demo.DemoAccount;
import dev.rover.samples.demo.DemoSite;
import dev.rover.samples.e2e.fakellm.ScriptedLlmProvider;
import dev.rover.samples.e2e.fakellm.ScriptedLlmProvider.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static dev.rover.samples.e2e.fakellm.Intent.complete;
import static dev.rover.samples.e2e.fakellm.Intent.inputText;
import static dev.rover.samples.e2e.fakellm.Intent.terminate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run lifecycle of issue 5 end to end, in real headless Chromium: terminate with a mapped error
 * code, max_steps, cancel, the elapsed-time limit, queueing under the concurrency limit, reading
 * runs back after a restart, signed webhooks with retries, schema extraction and the token budget.
 * One Rover (LLM engine by default, a scripted provider behind it) serves the class; tests that
 * need other settings build their own.
 */
class RunLifecycleE2ETest {

    private static final DemoAccount ACCOUNT = DemoAccount.standard();
    private static final String WEBHOOK_KEY = "whsec-e2e-lifecycle-key";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path data;

    @TempDir
    static Path workflows;

    private static LlmPortal portal;
    private static DemoSite site;
    private static LifecyclePages pages;
    private static ScriptedLlmProvider llm;
    private static Rover rover;
    private static final StatusLog statuses = new StatusLog();

    @BeforeAll
    static void start() throws IOException {
        portal = LlmPortal.start(data, builder -> builder.concurrency(2)
                .webhookKey(WEBHOOK_KEY).webhookBackoff(Duration.ofMillis(50)).listener(statuses));
        site = portal.site();
        llm = portal.llm();
        rover = portal.rover();
        pages = new LifecyclePages();
    }

    @AfterAll
    static void stop() {
        if (pages != null) {
            pages.close();
        }
        if (portal != null) {
            portal.close();
        }
    }

    @BeforeEach
    void clearScript() {
        llm.reset();
    }

    @Test
    void aRejectedLoginTerminatesWithTheMappedErrorCode() {
        Credential wrong = rover.credentials().addPassword("portal-wrong-password", ACCOUNT.username(), "not-the-password-91",
                ACCOUNT.totpSecret());
        LlmPortal.scriptSignIn(llm)
                .then(terminate("the portal says the username or password is invalid", "INVALID_CREDENTIALS"));

        Run run = rover.runWorkflow(Path.of("workflows", "orders-in-date-range.yaml"),
                Map.of("portal_url", site.url(), "credentials", wrong.id()), waiting());

        assertThat(run.status()).as("failure: %s", run.failureReason()).isEqualTo(RunStatus.TERMINATED);
        assertThat(run.errors()).anySatisfy(e -> {
            assertThat(e.errorCode()).isEqualTo("INVALID_CREDENTIALS");
            assertThat(e.blockLabel()).isEqualTo("sign_in");
        });
        List<ScriptedLlmProvider.Call> decides = llm.calls(Kind.DECIDE);
        assertThat(decides).hasSize(2);
        assertThat(decides.get(0).prompt()).contains("INVALID_CREDENTIALS");
        assertThat(decides.get(1).prompt()).as("the model saw the portal's rejection").contains("Invalid username or password");
        assertThat(String.valueOf(run.output())).doesNotContain("not-the-password-91");
        assertThat(rover.getRunTimeline(run.runId().toString())).extracting(dev.rover.core.run.TimelineEntry::label)
                .as("the blocks after the login never ran").doesNotContain("filter_orders", "extract_orders");
    }

    @Test
    void aGoalThatIsNeverCompletedFailsAtMaxStepsWithASummary() {
        llm.thenForever(inputText("Quantity", "2"));

        Run run = rover.runTask(TaskRequest.builder("Buy the grinder").url(pages.url("/product")).maxSteps(2)
                .waitForCompletion(true).timeout(WAIT).build());

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason()).contains("max_steps (2)").contains("without completing the goal");
        assertThat(llm.calls(Kind.DECIDE)).hasSize(2);
        assertThat(run.stepCount()).isEqualTo(2);
    }

    @Test
    void cancelingARunningRunEndsItWithinTwoSeconds() throws IOException {
        Path file = workflow("long-wait", "    - block_type: wait\n      label: pause\n      wait_sec: 60\n");
        Run started = rover.runWorkflow(file, Map.of(), WorkflowRunOptions.builder().build());
        String id = started.runId().toString();
        awaitTrue(() -> rover.getRun(id).orElseThrow().status() == RunStatus.RUNNING, Duration.ofSeconds(20), "run started");

        long before = System.nanoTime();
        rover.cancelRun(id);
        awaitTrue(() -> rover.getRun(id).orElseThrow().status().isTerminal(), Duration.ofSeconds(5), "run ended");
        Duration took = Duration.ofNanos(System.nanoTime() - before);

        assertThat(rover.getRun(id).orElseThrow().status()).isEqualTo(RunStatus.CANCELED);
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void theElapsedTimeLimitTimesARunOut() throws IOException {
        Path file = workflow("too-long", "    - block_type: wait\n      label: pause\n      wait_sec: 60\n");
        long before = System.nanoTime();

        Run run = rover.runWorkflow(file, Map.of(), WorkflowRunOptions.builder().elapsedTimeLimit(Duration.ofMillis(1500))
                .waitForCompletion(true).timeout(WAIT).build());

        Duration took = Duration.ofNanos(System.nanoTime() - before);
        assertThat(run.status()).as("failure: %s", run.failureReason()).isEqualTo(RunStatus.TIMED_OUT);
        assertThat(run.failureReason()).isNotBlank();
        assertThat(took).isBetween(Duration.ofMillis(1400), Duration.ofSeconds(10));
    }

    @Test
    void runsBeyondTheConcurrencyLimitWaitQueuedAndAllComplete() throws IOException {
        Path file = workflow("short-wait", "    - block_type: wait\n      label: pause\n      wait_sec: 1\n");
        statuses.reset();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(rover.runWorkflow(file, Map.of(), WorkflowRunOptions.builder().build()).runId().toString());
        }
        awaitTrue(() -> ids.stream().allMatch(id -> rover.getRun(id).orElseThrow().status().isTerminal()), WAIT, "runs ended");

        assertThat(ids).allSatisfy(id -> assertThat(rover.getRun(id).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED));
        assertThat(statuses.maxRunning()).isEqualTo(2);
        assertThat(statuses.sawQueuedWhileFull()).as("a run waited in queued while two were running").isTrue();
    }

    @Test
    void aRunReadsBackTheSameAfterReopeningTheDataDirectory(@TempDir Path ownData) throws IOException {
        Path file = workflow("visit", "    - block_type: goto_url\n      label: open\n      url: " + pages.url("/product") + "\n"
                + "    - block_type: wait\n      label: pause\n      wait_sec: 1\n");
        Run run;
        List<?> timeline;
        List<?> artifacts;
        String id;
        try (Rover first = Rover.builder().dataDirectory(ownData).defaultEngine("offline").build()) {
            run = first.runWorkflow(file, Map.of(), waiting());
            id = run.runId().toString();
            run = first.getRun(id).orElseThrow();
            timeline = first.getRunTimeline(id);
            artifacts = first.getRunArtifacts(id);
        }
        assertThat(run.status()).as("failure: %s", run.failureReason()).isEqualTo(RunStatus.COMPLETED);
        assertThat(timeline).isNotEmpty();
        assertThat(artifacts).isNotEmpty();
        // the default trace mode keeps traces only of runs that do not complete, and the report says so
        assertThat(run.recordingUrl()).isNull();
        assertThat(run.recordingNote()).startsWith("none: the run completed, and traces are kept only for runs that do not complete");

        try (Rover reopened = Rover.builder().dataDirectory(ownData).defaultEngine("offline").build()) {
            assertThat(reopened.getRun(id)).contains(run);
            assertThat(reopened.getRunTimeline(id)).isEqualTo(timeline);
            assertThat(reopened.getRunArtifacts(id)).isEqualTo(artifacts);
            assertThat(reopened.reportPath(id)).isPresent().get().satisfies(p -> assertThat(Files.readString(p))
                    .contains("<dt>Recording</dt><dd>none: the run completed, and traces are kept only for runs that do not complete"));
        }
    }

    @Test
    void aWebhookIsDeliveredAfterTwoFailuresSignedAndCanBeSentAgain() throws IOException {
        Path file = workflow("hooked", "    - block_type: wait\n      label: pause\n      wait_sec: 1\n");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.answer(503, Map.of()).answer(429, Map.of("Retry-After", "1"));

            Run run = rover.runWorkflow(file, Map.of(), WorkflowRunOptions.builder().webhookUrl(receiver.url())
                    .waitForCompletion(true).timeout(WAIT).build());
            String id = run.runId().toString();
            awaitTrue(() -> rover.getRun(id).orElseThrow().webhookAttempts().size() >= 3, Duration.ofSeconds(15),
                    "three webhook attempts recorded");

            List<WebhookReceiver.Delivery> deliveries = receiver.deliveries();
            assertThat(deliveries).extracting(WebhookReceiver.Delivery::answeredWith).containsExactly(503, 429, 200);
            WebhookReceiver.Delivery delivered = deliveries.get(2);
            assertThat(WebhookSignature.verify(delivered.body(), delivered.signature(), WEBHOOK_KEY)).isTrue();
            assertThat(WebhookSignature.verify(delivered.body(), delivered.signature(), "another-key")).isFalse();
            assertThat(delivered.timestamp()).isNotBlank();
            assertThat(delivered.body()).contains(id).contains("\"completed\"");
            List<WebhookAttempt> attempts = rover.getRun(id).orElseThrow().webhookAttempts();
            assertThat(attempts).extracting(WebhookAttempt::httpStatus).containsExactly(503, 429, 200);

            Run retried = rover.retryRunWebhook(id);

            assertThat(receiver.deliveries()).hasSize(4);
            WebhookReceiver.Delivery again = receiver.deliveries().get(3);
            assertThat(WebhookSignature.verify(again.body(), again.signature(), WEBHOOK_KEY)).isTrue();
            assertThat(retried.webhookAttempts()).hasSize(4);
            assertThat(rover.getRun(id).orElseThrow().webhookAttempts()).hasSize(4);
        }
    }

    @Test
    void aTaskWithAnExtractionSchemaReturnsDataMatchingTheSchema() {
        Map<String, Object> schema = Map.of("type", "object",
                "properties", Map.of("name", Map.of("type", "string"), "price", Map.of("type", "number")),
                "required", List.of("name", "price"));
        llm.then(complete()).extracts("{\"name\": \"" + LifecyclePages.PRODUCT_NAME + "\", \"price\": 129.5}");

        Run run = rover.runTask(TaskRequest.builder("Extract the product name and its price").url(pages.url("/product"))
                .dataExtractionSchema(schema).waitForCompletion(true).timeout(WAIT).build());

        assertThat(run.status()).as("failure: %s", run.failureReason()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.output()).isInstanceOf(Map.class);
        Map<?, ?> output = (Map<?, ?>) run.output();
        assertThat(output.get("name")).isEqualTo(LifecyclePages.PRODUCT_NAME);
        assertThat(((Number) output.get("price")).doubleValue()).isEqualTo(LifecyclePages.PRODUCT_PRICE);
        String extractPrompt = llm.calls(Kind.EXTRACT).get(0).prompt();
        assertThat(extractPrompt).contains("\"price\"").contains("$129.50");
        assertThat(run.usage().llmCalls()).isEqualTo(llm.calls().size());
    }

    @Test
    void exceedingTheTokenBudgetFailsTheRunWithTheReason(@TempDir Path ownData) {
        long maxTokens = ScriptedLlmProvider.inputTokensPerCall() + ScriptedLlmProvider.outputTokensPerCall() + 1;
        llm.thenForever(inputText("Quantity", "3"));
        try (Rover budgeted = Rover.builder().dataDirectory(ownData).llm(llm.config().build())
                .budget(RunBudget.ofTokens(maxTokens)).build()) {

            Run run = budgeted.runTask(TaskRequest.builder("Buy three grinders").url(pages.url("/product")).maxSteps(8)
                    .waitForCompletion(true).timeout(WAIT).build());

            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.failureReason()).contains("run budget exceeded").contains("max_tokens is " + maxTokens);
            assertThat(llm.calls()).as("no model call once the budget is spent").hasSizeLessThanOrEqualTo(2);
            assertThat(run.usage().llmCalls()).as("the call that crossed the budget is counted too").isEqualTo(llm.calls().size());
            assertThat(run.usage().inputTokens() + run.usage().outputTokens()).isGreaterThanOrEqualTo(maxTokens);
        }
    }

    private static WorkflowRunOptions waiting() {
        return WorkflowRunOptions.builder().waitForCompletion(true).timeout(WAIT).build();
    }

    private static Path workflow(String name, String blocks) throws IOException {
        Path file = workflows.resolve(name + ".yaml");
        Files.writeString(file, "title: " + name + "\nworkflow_definition:\n  parameters: []\n  blocks:\n" + blocks);
        return file;
    }

    private static void awaitTrue(BooleanSupplier condition, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + limit + " waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }

    /** Follows every run's status as Rover saves it, to see queueing under the concurrency limit. */
    private static final class StatusLog implements RunListener {
        private final Map<RunId, RunStatus> current = new ConcurrentHashMap<>();
        private final AtomicInteger maxRunning = new AtomicInteger();
        private final AtomicBoolean queuedWhileFull = new AtomicBoolean();

        @Override
        public synchronized void onRun(Run run) {
            current.put(run.runId(), run.status());
            long running = current.values().stream().filter(s -> s == RunStatus.RUNNING).count();
            long queued = current.values().stream().filter(s -> s == RunStatus.QUEUED).count();
            maxRunning.accumulateAndGet((int) running, Math::max);
            if (running == 2 && queued >= 1) {
                queuedWhileFull.set(true);
            }
        }

        synchronized void reset() {
            current.clear();
            maxRunning.set(0);
            queuedWhileFull.set(false);
        }

        int maxRunning() {
            return maxRunning.get();
        }

        boolean sawQueuedWhileFull() {
            return queuedWhileFull.get();
        }
    }
}
