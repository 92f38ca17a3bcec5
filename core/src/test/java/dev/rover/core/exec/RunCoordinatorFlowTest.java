package dev.rover.core.exec;

import dev.rover.core.definition.Parameter;
import dev.rover.core.definition.Workflow;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunError;
import dev.rover.core.run.RunStatus;
import dev.rover.core.store.InMemoryRunStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.rover.core.exec.TestWorkflows.block;
import static dev.rover.core.exec.TestWorkflows.blockBuilder;
import static dev.rover.core.exec.TestWorkflows.v1;
import static dev.rover.core.exec.TestWorkflows.v2;
import static dev.rover.core.exec.TestWorkflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;

class RunCoordinatorFlowTest {

    private InMemoryRunStore store;
    private TestBlocks blocks;
    private RunCoordinator executor;

    @BeforeEach
    void setUp() {
        store = new InMemoryRunStore();
        blocks = new TestBlocks();
        executor = RunCoordinator.builder(store).blockTypes(blocks.all()).build();
    }

    @AfterEach
    void tearDown() {
        executor.close();
    }

    @Test
    void version1RunsBlocksInOrderAndCollectsOutputs() {
        Run run = executor.run(v1(block("echo", "a", "value", "1"), block("echo", "b", "value", "2"),
                block("echo", "c", "value", "3")), RunOptions.defaults());

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(blocks.executed).containsExactly("a", "b", "c");
        assertThat(run.output()).isEqualTo(Map.of("a_output", "1", "b_output", "2", "c_output", "3"));
        assertThat(run.queuedAt()).isNotNull();
        assertThat(run.startedAt()).isNotNull();
        assertThat(run.finishedAt()).isNotNull();
        assertThat(store.find(run.runId())).contains(run);
    }

    @Test
    void version2FollowsNextBlockLabels() {
        Run run = executor.run(v2(
                blockBuilder("echo", "start").next("third").build(),
                blockBuilder("echo", "skipped").build(),
                blockBuilder("echo", "third").next("second").build(),
                blockBuilder("echo", "second").build()), RunOptions.defaults());

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(blocks.executed).containsExactly("start", "third", "second");
    }

    @Test
    void aBlockResultsNextLabelOverridesTheDefinition() {
        Run run = executor.run(v2(
                blockBuilder("branch", "decide").fields("go", "yes").next("no").build(),
                blockBuilder("echo", "no").build(),
                blockBuilder("echo", "yes").build()), RunOptions.defaults());

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(blocks.executed).containsExactly("decide", "yes");
    }

    @Test
    void aBranchChoosingTheEndOfTheWorkflowStopsThereEvenWhenTheDefinitionGoesOn() {
        Run run = executor.run(v2(
                blockBuilder("branch", "decide").fields("go", BlockResult.END_OF_WORKFLOW).next("no").build(),
                blockBuilder("echo", "no").build()), RunOptions.defaults());

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(blocks.executed).containsExactly("decide");
    }

    @Test
    void aCycleStopsAtTheStepBudgetNamingTheBlocksOfTheCycle() {
        Run run = executor.run(v2(
                blockBuilder("echo", "entry").next("ping").build(),
                blockBuilder("echo", "ping").next("pong").build(),
                blockBuilder("echo", "pong").next("ping").build()), RunOptions.builder().stepBudget(7).build());

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(blocks.executed).hasSize(7);
        assertThat(run.failureReason()).contains("budget of 7 block executions").contains("ping -> pong -> ping");
    }

    @Test
    void anUnknownNextLabelFailsNamingIt() {
        Run run = executor.run(v2(blockBuilder("branch", "decide").fields("go", "nowhere").build()),
                RunOptions.defaults());

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason()).isEqualTo(
                "block 'decide' leads to block 'nowhere', which is not a block of this workflow; blocks: [decide]");
    }

    @Test
    void aFailedBlockEndsTheRunWithItsReason() {
        Run run = executor.run(v1(block("fail", "login", "reason", "wrong password"), block("echo", "after")),
                RunOptions.defaults());

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason()).isEqualTo("block 'login' failed: wrong password");
        assertThat(blocks.executed).containsExactly("login");
    }

    @Test
    void continueOnFailureMakesFailureAndTerminationNonFatal() {
        Run run = executor.run(v1(
                blockBuilder("fail", "optional").continueOnFailure().build(),
                blockBuilder("terminate", "maybe").fields("codes", List.of("NO_STOCK")).continueOnFailure().build(),
                block("echo", "last", "value", "ok")), RunOptions.defaults());

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(blocks.executed).containsExactly("optional", "maybe", "last");
        assertThat(run.failureReason()).isNull();
    }

    @Test
    void aTerminatedBlockTerminatesTheRunAndReportsItsErrorCodes() {
        Run run = executor.run(v1(block("terminate", "buy", "reason", "out of stock",
                "codes", List.of("NO_STOCK", "SOLD_OUT"))), RunOptions.defaults());

        assertThat(run.status()).isEqualTo(RunStatus.TERMINATED);
        assertThat(run.failureReason()).isEqualTo("block 'buy' terminated: out of stock");
        assertThat(run.errors()).containsExactly(new RunError("NO_STOCK", "out of stock", "buy"),
                new RunError("SOLD_OUT", "out of stock", "buy"));
    }

    @Test
    void anExceptionInABlockFailsItWithTheExceptionsMessage() {
        Run run = executor.run(v1(block("throw", "explode", "message", "the page has no form")),
                RunOptions.defaults());

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason()).isEqualTo("block 'explode' failed: the page has no form")
                .doesNotContain("Exception").doesNotContain("at dev.rover");
    }

    @Test
    void anUnsupportedBlockTypeFailsWhenReachedNamingTheSupportedTypes() {
        Run run = executor.run(v1(block("echo", "first"), block("pdf_parser", "parse")), RunOptions.defaults());

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(blocks.executed).containsExactly("first");
        assertThat(run.failureReason()).startsWith(
                "block 'parse' has type 'pdf_parser', which Rover does not implement; supported: [agent, ask, branch, echo,");
    }

    @Test
    void theFinallyBlockRunsLastAfterSuccess() {
        Workflow wf = workflow(1, List.of(), "cleanup",
                block("echo", "cleanup", "value", "saw {{ work_output }}"), block("echo", "work", "value", "done"));

        Run run = executor.run(wf, RunOptions.defaults());

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(blocks.executed).containsExactly("work", "cleanup");
        assertThat(run.output()).isEqualTo(Map.of("work_output", "done", "cleanup_output", "saw done"));
    }

    @Test
    void theFinallyBlockRunsAfterFailureWithoutHidingIt() {
        Workflow wf = workflow(1, List.of(), "cleanup",
                block("fail", "work", "reason", "first problem"), block("fail", "cleanup", "reason", "second problem"));

        Run run = executor.run(wf, RunOptions.defaults());

        assertThat(blocks.executed).containsExactly("work", "cleanup");
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failureReason()).isEqualTo("block 'work' failed: first problem");
    }

    @Test
    void aFailingFinallyBlockFailsAnOtherwiseSuccessfulRun() {
        Workflow wf = workflow(2, List.of(), "cleanup",
                blockBuilder("echo", "work").next("cleanup").build(), block("fail", "cleanup", "reason", "no logout"));

        Run run = executor.run(wf, RunOptions.defaults());

        assertThat(blocks.executed).containsExactly("work", "cleanup");
        assertThat(run.failureReason()).isEqualTo("block 'cleanup' failed: no logout");
    }

    @Test
    void outputsAndLabelViewsAreTemplatedIntoLaterBlocks() {
        Run run = executor.run(v1(
                block("echo", "extract", "value", Map.of("orders", List.of(Map.of("id", "1")), "total", 2)),
                block("echo", "use", "value", Map.of(
                        "raw", "{{ extract_output.total }}",
                        "view", "{{ extract.output.total }}/{{ extract.total }}",
                        "json", "{{ extract_output.orders }}",
                        "list", List.of("{{ workflow_run_id }}", "{{ workflow_title }}")))), RunOptions.defaults());

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(blocks.seenFields.get("use").get("value")).isEqualTo(Map.of(
                "raw", "2", "view", "2/2", "json", "[{\"id\":\"1\"}]",
                "list", List.of(run.runId().value(), "test workflow")));
    }

    @Test
    void contextParametersPluckTheirKeyOrTakeTheWholeSource() {
        Workflow wf = workflow(1, List.of(
                        new Parameter.ContextParameter("order_id", null, "find_output", null),
                        new Parameter.ContextParameter("whole", null, "note_output", null)), null,
                block("echo", "find", "value", Map.of("order_id", "A-17", "other", "x")),
                block("echo", "note", "value", "plain text"),
                block("echo", "use", "value", "{{ order_id }} {{ whole }}"));

        Run run = executor.run(wf, RunOptions.defaults());

        assertThat(run.output()).isEqualTo(Map.of("find_output", Map.of("order_id", "A-17", "other", "x"),
                "note_output", "plain text", "use_output", "A-17 plain text"));
    }

    @Test
    void servicesAreReachableFromBlocks() {
        RunServices services = new FixedServices(RunSettings.builder().systemPrompt("the browser").build());
        Run run = executor.run(v1(block("service", "s")), RunOptions.builder().resources(services, null).build());

        assertThat(run.output()).isEqualTo(Map.of("s_output", "the browser"));
    }

    @Test
    void aRunIsStoredTerminalOnlyWithItsCompletedRecordAndItsResourcesAreReleasedAfterwards() {
        java.util.List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        RunOptions options = RunOptions.builder().resources(admission -> new RunResources() {
            @Override
            public RunServices services() {
                return RunServices.NONE;
            }

            @Override
            public Run complete(Run ending) {
                // the store still holds the run as active while its record is completed
                events.add("complete:" + ending.status().wireName() + ":stored-as-"
                        + store.find(ending.runId()).orElseThrow().status().wireName());
                return ending.toBuilder().appUrl("report.html").build();
            }

            @Override
            public void close() {
                events.add("close:stored-as-" + store.find(admission.runId()).orElseThrow().status().wireName());
            }
        }).build();

        Run run = executor.run(v1(block("echo", "a", "value", "x")), options);

        assertThat(events).containsExactly("complete:completed:stored-as-running", "close:stored-as-completed");
        assertThat(run.appUrl()).isEqualTo("report.html");
        assertThat(store.find(run.runId()).orElseThrow().appUrl()).isEqualTo("report.html");
    }

    @Test
    void nestedBlocksSeeLoopVariablesAndAFatalFailureEndsTheLoop() {
        Run run = executor.run(v1(blockBuilder("loop", "each").fields("items", List.of("x", "y"))
                .loopBlocks(block("echo", "item", "value", "{{ current_index }}:{{ current_value }}")).build()),
                RunOptions.defaults());

        assertThat(run.output()).isEqualTo(Map.of("each_output", List.of("0:x", "1:y")));

        Run failing = executor.run(v1(blockBuilder("loop", "each").fields("items", List.of("x", "y"))
                .loopBlocks(block("fail", "inner", "reason", "bad {{ current_value }}")).build()), RunOptions.defaults());

        assertThat(failing.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failing.failureReason()).isEqualTo("block 'each' failed: block 'inner' failed: bad x");
    }

    @Test
    void nextLoopOnFailureSkipsTheRestOfTheIterationOnly() {
        Run run = executor.run(v1(blockBuilder("loop", "each").fields("items", List.of("x", "y"))
                .loopBlocks(blockBuilder("fail", "check").nextLoopOnFailure().build(),
                        block("echo", "after_check")).build()), RunOptions.defaults());

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(blocks.executed).containsExactly("each", "check", "check");
    }

    @Test
    void blocksAddStepsToTheSavedRun() {
        Run run = executor.run(v1(block("agent", "a"), block("agent", "b")), RunOptions.defaults());

        assertThat(run.stepCount()).isEqualTo(4);
        assertThat(store.find(run.runId()).orElseThrow().stepCount()).isEqualTo(4);
    }

    @Test
    void theRunsUsageIsWhatItsOneMeterCountedAndItsBudgetStopsTheRun() {
        RunOptions.Builder options = RunOptions.builder().resources(admission ->
                RunResources.of(new FixedServices(RunSettings.DEFAULTS, new MeteredEngine(admission.meter())), null));

        Run run = executor.run(v1(block("ask", "a"), block("ask", "b")), options.build());

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.usage().llmCalls()).isEqualTo(2);
        assertThat(run.usage().inputTokens()).isEqualTo(200);
        assertThat(run.usage().cost()).isEqualByComparingTo("0.02");
        assertThat(store.find(run.runId()).orElseThrow().usage()).isEqualTo(run.usage());

        Run overBudget = executor.run(v1(block("ask", "a"), block("ask", "b")),
                options.budget(new dev.rover.core.engine.RunBudget(150L, null)).build());

        assertThat(overBudget.status()).isEqualTo(RunStatus.FAILED);
        assertThat(overBudget.failureReason()).contains("run budget exceeded: 240 tokens used");
        assertThat(overBudget.usage().llmCalls()).as("the call that crossed the budget is counted").isEqualTo(2);
    }
}
