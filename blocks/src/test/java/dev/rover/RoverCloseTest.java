package dev.rover;

import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowLoader;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import dev.rover.core.secret.SecretRedaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Closing a Rover with a run in flight cancels it, records it whole and releases what it held. */
class RoverCloseTest {

    private static final Workflow LONG_WAIT = new WorkflowLoader().load("""
            title: A long wait
            workflow_definition:
              blocks:
                - {block_type: wait, label: pause, wait_sec: 600}
            """, "wait.yaml");

    @TempDir
    Path home;

    @Test
    void aRunInFlightEndsCanceledAndRecordedWhenRoverCloses() throws Exception {
        int scopesBefore = SecretRedaction.liveScopeCount();
        CountDownLatch running = new CountDownLatch(1);
        Rover rover = Rover.builder().dataDirectory(home).environment(Map.of()).listener(new RunListener() {
            @Override
            public void onRun(Run run) {
                if (run.status() == RunStatus.RUNNING) {
                    running.countDown();
                }
            }
        }).build();
        CompletableFuture<Run> done = rover.runWorkflowAsync(LONG_WAIT, Map.of(), WorkflowRunOptions.builder().build());
        assertThat(running.await(10, TimeUnit.SECONDS)).as("the run started").isTrue();

        Instant closing = Instant.now();
        rover.close();

        Run run = done.get(5, TimeUnit.SECONDS);
        assertThat(Duration.between(closing, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(run.status()).isEqualTo(RunStatus.CANCELED);
        assertThat(run.appUrl()).as("the report was written").isNotNull();
        assertThat(SecretRedaction.liveScopeCount()).isEqualTo(scopesBefore);
        try (Rover reopened = Rover.builder().dataDirectory(home).environment(Map.of()).build()) {
            assertThat(reopened.getRun(run.runId().value())).get().extracting(Run::status).isEqualTo(RunStatus.CANCELED);
        }
    }

    @Test
    void aClosedRoverRefusesNewRunsSayingSo() {
        Rover rover = Rover.builder().dataDirectory(home).environment(Map.of()).build();
        rover.close();

        assertThatThrownBy(() -> rover.runWorkflowAsync(LONG_WAIT, Map.of(), WorkflowRunOptions.builder().build()))
                .isInstanceOf(dev.rover.core.error.RoverStateException.class).hasMessage("this Rover is closed; build a new one to start runs");
    }
}
