package dev.rover;

import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowLoader;
import dev.rover.core.error.RoverStateException;
import dev.rover.core.run.HumanDecision;
import dev.rover.core.run.PausedRun;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code human_interaction} block through the facade: a run pauses, a second Rover on the same
 * database (standing in for another process, as {@code rover runs resume} is) answers it, and the owner
 * continues; rejection, cancel and the block's timeout end it.
 */
class HumanInteractionTest {

    private static Workflow review(int timeoutSeconds) {
        return new WorkflowLoader().load("""
                title: Invoice review
                workflow_definition:
                  parameters:
                    - {key: amount, parameter_type: workflow, workflow_parameter_type: string, default_value: "42 EUR"}
                  blocks:
                    - block_type: human_interaction
                      label: approval
                      instructions: "Check the invoice of {{ amount }}"
                      positive_descriptor: Pay it
                      timeout_seconds: %d
                """.formatted(timeoutSeconds), "review.yaml");
    }

    @TempDir
    Path dir;

    private Rover rover(String name) {
        return Rover.builder().dataDirectory(dir.resolve(name))
                .environment(Map.of("ROVER_DATABASE_URL", "jdbc:sqlite:" + dir.resolve("shared.db"))).build();
    }

    private static String pausedRunId(Rover owner, Rover other) throws InterruptedException {
        String id = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!owner.listRuns(1).isEmpty()) {
                id = owner.listRuns(1).get(0).runId().value();
                if (other.getRun(id).orElseThrow().status() == RunStatus.PAUSED) {
                    return id;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the run did not pause: " + (id == null ? "none started" : other.getRun(id)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anotherRoverOnTheDatabaseApprovesAPausedRunWhichCompletesWithTheDecision() throws Exception {
        try (Rover owner = rover("owner"); Rover other = rover("other")) {
            CompletableFuture<Run> done = owner.runWorkflowAsync(review(600), Map.of(), WorkflowRunOptions.builder().build());
            String id = pausedRunId(owner, other);

            Run paused = other.getRun(id).orElseThrow();
            assertThat(PausedRun.awaited(paused)).contains("Check the invoice of 42 EUR");
            assertThat((Map<String, Object>) ((Map<String, Object>) paused.output()).get("approval_output"))
                    .containsEntry("status", "awaiting_human").containsEntry("positive_descriptor", "Pay it")
                    .containsEntry("negative_descriptor", "Reject");
            Path report = other.reportPath(id).orElseThrow();
            assertThat(Files.readString(report)).contains("awaiting a person").contains("Check the invoice of 42 EUR");

            other.resumeRun(id, new HumanDecision(true, "looks right"));
            Run ended = done.get(10, TimeUnit.SECONDS);

            assertThat(ended.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat((Map<String, Object>) ((Map<String, Object>) ended.output()).get("approval_output"))
                    .containsEntry("decision", "approved").containsEntry("approved", true)
                    .containsEntry("comment", "looks right");
            assertThat(other.reportPath(id).orElseThrow()).as("the final report").isNotEqualTo(report);
            assertThatThrownBy(() -> other.resumeRun(id, new HumanDecision(true, null)))
                    .isInstanceOf(RoverStateException.class).hasMessageContaining("is completed, not paused");
        }
    }

    @Test
    void aRejectionEndsTheRunTerminatedWithTheComment() throws Exception {
        try (Rover owner = rover("owner"); Rover other = rover("other")) {
            CompletableFuture<Run> done = owner.runWorkflowAsync(review(600), Map.of(), WorkflowRunOptions.builder().build());
            String id = pausedRunId(owner, other);

            other.resumeRun(id, new HumanDecision(false, "wrong amount"));
            Run ended = done.get(10, TimeUnit.SECONDS);

            assertThat(ended.status()).isEqualTo(RunStatus.TERMINATED);
            assertThat(ended.failureReason()).contains("a person rejected").contains("wrong amount");
        }
    }

    @Test
    void cancelingAPausedRunFromAnotherRoverEndsItCanceled() throws Exception {
        try (Rover owner = rover("owner"); Rover other = rover("other")) {
            CompletableFuture<Run> done = owner.runWorkflowAsync(review(600), Map.of(), WorkflowRunOptions.builder().build());
            String id = pausedRunId(owner, other);

            other.cancelRun(id);

            assertThat(done.get(10, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.CANCELED);
        }
    }

    @Test
    void nobodyAnsweringWithinTimeoutSecondsEndsTheRunTimedOut() throws Exception {
        try (Rover owner = rover("owner")) {
            Run ended = owner.runWorkflowAsync(review(1), Map.of(), WorkflowRunOptions.builder().build())
                    .get(10, TimeUnit.SECONDS);

            assertThat(ended.status()).isEqualTo(RunStatus.TIMED_OUT);
            assertThat(ended.failureReason()).contains("nobody approved or rejected it within its timeout_seconds of 1 s");
        }
    }
}
