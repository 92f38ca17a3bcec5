package dev.rover.core.exec;

import dev.rover.core.definition.Workflow;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import dev.rover.core.store.InMemoryRunStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.rover.core.exec.TestWorkflows.block;
import static dev.rover.core.exec.TestWorkflows.v1;
import static dev.rover.core.exec.TestWorkflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;

class RunCoordinatorStopTest {

    private InMemoryRunStore store;
    private TestBlocks blocks;
    private RunCoordinator executor;

    @BeforeEach
    void setUp() {
        store = new InMemoryRunStore();
        blocks = new TestBlocks();
        executor = RunCoordinator.builder(store).blockTypes(blocks.all()).maxConcurrentRuns(1).build();
    }

    @AfterEach
    void tearDown() {
        executor.close();
    }

    @Test
    void cancelWakesABlockWaitingOnItsTokenAndTheRunEndsCanceled() throws Exception {
        Workflow wf = workflow(1, List.of(), "cleanup", block("wait_for_cancel", "wait"), block("echo", "after"),
                block("echo", "cleanup"));
        RunHandle handle = executor.start(wf, RunOptions.defaults());
        assertThat(blocks.waiting.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(store.find(handle.runId()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);

        long before = System.nanoTime();
        handle.cancel();
        Run run = handle.await(Duration.ofSeconds(1));

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
        assertThat(run.status()).isEqualTo(RunStatus.CANCELED);
        assertThat(run.failureReason()).isEqualTo("the run was canceled");
        assertThat(blocks.executed).containsExactly("wait");
        assertThat(store.find(handle.runId())).contains(run);
    }

    @Test
    void continueOnFailureNeverMakesACancelNonFatal() throws Exception {
        RunHandle handle = executor.start(v1(
                TestWorkflows.blockBuilder("wait_for_cancel", "wait").continueOnFailure().build(),
                block("echo", "after")), RunOptions.defaults());
        assertThat(blocks.waiting.await(5, TimeUnit.SECONDS)).isTrue();

        handle.cancel();

        assertThat(handle.await(Duration.ofSeconds(5)).status()).isEqualTo(RunStatus.CANCELED);
        assertThat(blocks.executed).containsExactly("wait");
    }

    @Test
    void executorCancelByRunIdStopsASynchronousRun() throws Exception {
        Thread canceler = new Thread(() -> {
            try {
                blocks.waiting.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor.activeRuns().forEach(executor::cancel);
        });
        canceler.start();

        Run run = executor.run(v1(block("wait_for_cancel", "wait")), RunOptions.defaults());
        canceler.join(5000);

        assertThat(run.status()).isEqualTo(RunStatus.CANCELED);
        assertThat(executor.cancel(run.runId())).as("a finished run is no longer active").isFalse();
    }

    @Test
    void theRunTimesOutWhenTheDeadlinePassesDuringABlock() throws Exception {
        Workflow wf = workflow(1, List.of(), "cleanup", block("wait_for_cancel", "wait"), block("echo", "cleanup"));
        RunHandle handle = executor.start(wf, RunOptions.builder().elapsedTimeOverride(Duration.ofMillis(300)).build());

        Run run = handle.await(Duration.ofSeconds(5));

        assertThat(run.status()).isEqualTo(RunStatus.TIMED_OUT);
        assertThat(run.failureReason()).isEqualTo("the run exceeded its time limit of 300 ms");
        assertThat(blocks.executed).as("no finally block after a time-out").containsExactly("wait");
    }

    @Test
    void theTimeLimitIsReportedInMinutes() {
        assertThat(RunControl.describe(Duration.ofMinutes(240))).isEqualTo("240 minutes");
        assertThat(RunControl.describe(Duration.ofMinutes(1))).isEqualTo("1 minute");
        assertThat(RunControl.describe(Duration.ofSeconds(90))).isEqualTo("90 seconds");
    }

    @Test
    void aQueuedRunCancelsAtOnce() throws Exception {
        RunHandle busy = executor.start(v1(block("wait_for_cancel", "wait")), RunOptions.defaults());
        assertThat(blocks.waiting.await(5, TimeUnit.SECONDS)).isTrue();
        RunHandle queued = executor.start(v1(block("echo", "never")), RunOptions.defaults());
        assertThat(store.find(queued.runId()).orElseThrow().status()).isEqualTo(RunStatus.QUEUED);

        queued.cancel();

        assertThat(queued.isDone()).isTrue();
        Run canceled = queued.await(Duration.ZERO);
        assertThat(canceled.status()).isEqualTo(RunStatus.CANCELED);
        assertThat(canceled.startedAt()).isNull();
        assertThat(store.find(queued.runId())).contains(canceled);

        busy.cancel();
        assertThat(busy.await(Duration.ofSeconds(5)).status()).isEqualTo(RunStatus.CANCELED);
        assertThat(blocks.executed).doesNotContain("never");
    }

    @Test
    void closeCancelsActiveRunsAndStopsItsThreads() throws Exception {
        RunHandle handle = executor.start(v1(block("wait_for_cancel", "wait")), RunOptions.defaults());
        assertThat(blocks.waiting.await(5, TimeUnit.SECONDS)).isTrue();

        executor.close();

        assertThat(handle.isDone()).isTrue();
        assertThat(handle.await(Duration.ZERO).status()).isEqualTo(RunStatus.CANCELED);
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("rover-run-")) {
                t.join(2000);
                assertThat(t.isAlive()).as(t.getName() + " outlived close()").isFalse();
            }
        }
    }
}
