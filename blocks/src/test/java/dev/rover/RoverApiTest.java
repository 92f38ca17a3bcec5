package dev.rover;

import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowLoader;
import dev.rover.core.error.InvalidRequestException;
import dev.rover.core.error.RoverException;
import dev.rover.core.error.RunNotFoundException;
import dev.rover.core.error.RunTimeoutException;
import dev.rover.core.exec.NotRunnableException;
import dev.rover.core.exec.RunHandle;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The facade as an application uses it: handles, typed ids, and errors rooted in {@link RoverException}. */
class RoverApiTest {

    private static final Workflow LONG_WAIT = new WorkflowLoader().load("""
            title: A long wait
            workflow_definition:
              blocks:
                - {block_type: wait, label: pause, wait_sec: 600}
            """, "wait.yaml");

    private static final Workflow SHORT_WAIT = new WorkflowLoader().load("""
            title: A short wait
            workflow_definition:
              blocks:
                - {block_type: wait, label: pause, wait_sec: 1}
            """, "short.yaml");

    @TempDir
    Path home;

    private Rover rover;

    @BeforeEach
    void build() {
        rover = Rover.builder().dataDirectory(home).environment(Map.of()).build();
    }

    @AfterEach
    void close() {
        rover.close();
    }

    @Test
    void aHandleAwaitsTheRunAndATimedOutWaitSaysSoInsteadOfReturningAnUnfinishedRun() throws Exception {
        RunHandle handle = rover.startWorkflow(LONG_WAIT, Map.of(), WorkflowRunOptions.builder().build());

        assertThatThrownBy(() -> handle.await(Duration.ofMillis(200)))
                .isInstanceOf(RunTimeoutException.class).isInstanceOf(RoverException.class)
                .hasMessageContaining("run " + handle.runId() + " is still ")
                .satisfies(e -> assertThat(((RunTimeoutException) e).run().status().isTerminal()).isFalse());

        handle.cancel();
        assertThat(handle.await(Duration.ofSeconds(10)).status()).isEqualTo(RunStatus.CANCELED);
    }

    @Test
    void waitingRunsThrowWhenTheirTimeoutPassesAndTheRunGoesOn() {
        WorkflowRunOptions options = WorkflowRunOptions.builder().waitForCompletion(true).timeout(Duration.ofMillis(200)).build();

        RunTimeoutException e = org.junit.jupiter.api.Assertions.assertThrows(RunTimeoutException.class,
                () -> rover.runWorkflow(LONG_WAIT, Map.of(), options));

        RunId id = e.run().runId();
        assertThat(rover.getRun(id)).get().extracting(r -> r.status().isTerminal()).isEqualTo(false);
        assertThat(rover.cancelRun(id).runId()).isEqualTo(id);
    }

    @Test
    void runIdsAreAcceptedTypedOrAsText() {
        Run run = rover.runWorkflow(SHORT_WAIT, Map.of(), WorkflowRunOptions.waiting());

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(rover.getRun(run.runId())).contains(run);
        assertThat(rover.getRun(run.runId().value())).contains(run);
        assertThat(rover.getRunTimeline(run.runId())).isEqualTo(rover.getRunTimeline(run.runId().value()));
        assertThat(rover.reportPath(run.runId())).isPresent();
    }

    @Test
    void unknownAndMalformedRunIdsAreRunNotFound() {
        assertThat(rover.getRun("wr_nope")).isEmpty();
        assertThat(rover.getRun("not an id")).isEmpty();
        assertThatThrownBy(() -> rover.cancelRun("wr_nope")).isInstanceOf(RunNotFoundException.class)
                .isInstanceOf(InvalidRequestException.class).hasMessage("no run wr_nope");
        assertThatThrownBy(() -> rover.getRunTimeline("not an id")).isInstanceOf(RunNotFoundException.class)
                .hasMessage("no run not an id");
    }

    @Test
    void aRequestThatCannotRunIsAnInvalidRequestAndNothingIsRecorded() {
        assertThatThrownBy(() -> rover.startWorkflow(SHORT_WAIT, Map.of(), WorkflowRunOptions.builder().engine("warp").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("unknown engine 'warp'; known engines: ");
        Workflow unsupported = new WorkflowLoader().load("""
                title: Not here
                workflow_definition:
                  blocks:
                    - {block_type: pdf_fill, label: fill}
                """, "nothere.yaml");
        assertThatThrownBy(() -> rover.startWorkflow(unsupported, Map.of(), WorkflowRunOptions.builder().build()))
                .isInstanceOf(NotRunnableException.class).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((NotRunnableException) e).unsupported()).extracting(u -> u.name()).containsExactly("fill"));
        assertThat(rover.listRuns(10)).isEmpty();
    }

    @Test
    void aFutureHandedOutCannotChangeTheRun() throws Exception {
        CompletableFuture<Run> future = rover.runWorkflowAsync(LONG_WAIT, Map.of(), WorkflowRunOptions.builder().build());
        Run forged = rover.listRuns(1).get(0);
        future.complete(forged.withStatus(RunStatus.CANCELED, java.time.Instant.now()));

        RunId id = forged.runId();
        assertThat(rover.getRun(id)).get().extracting(r -> r.status().isTerminal()).isEqualTo(false);
        assertThat(rover.cancelRun(id).runId()).isEqualTo(id);
    }
}
