package dev.rover.samples.cli;

import dev.rover.Rover;
import dev.rover.WorkflowRunOptions;
import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowLoader;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rover runs resume}: answers a run another Rover (standing in for the process running it) has
 * paused in a human_interaction block, through the shared database; {@code runs show} says what it awaits.
 */
class RunsResumeCommandTest {

    private static final Workflow REVIEW = new WorkflowLoader().load("""
            title: Review
            workflow_definition:
              blocks:
                - {block_type: human_interaction, label: approval, instructions: "Is the total right?", timeout_seconds: 600}
            """, "review.yaml");

    @TempDir
    Path tmp;

    private static String pausedRunId(Rover owner) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!owner.listRuns(1).isEmpty() && owner.listRuns(1).get(0).status() == RunStatus.PAUSED) {
                return owner.listRuns(1).get(0).runId().value();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the run did not pause");
    }

    @Test
    void showSaysWhatIsAwaitedAndResumeWithACommentCompletesTheRun() throws Exception {
        Path home = tmp.resolve("home");
        CliHarness cli = new CliHarness(home, Map.of());
        try (Rover owner = Rover.builder().dataDirectory(home).environment(Map.of()).build()) {
            CompletableFuture<Run> done = owner.runWorkflowAsync(REVIEW, Map.of(), WorkflowRunOptions.builder().build());
            String id = pausedRunId(owner);

            CliHarness.Result show = cli.run("runs", "show", id);
            assertThat(show.exitCode()).isZero();
            assertThat(show.out()).contains("\"status\" : \"paused\"").contains("Is the total right?");
            assertThat(show.err()).contains("is paused, awaiting: Is the total right?").contains("rover runs resume " + id);

            CliHarness.Result resume = cli.run("runs", "resume", id, "--comment", "yes, 12.50");
            assertThat(resume.exitCode()).as(resume.err()).isZero();
            assertThat(resume.out()).contains("decision: approved (yes, 12.50)").containsPattern("status: +(running|completed)");

            Run ended = done.get(10, TimeUnit.SECONDS);
            assertThat(ended.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(ended.output().toString()).contains("yes, 12.50");

            CliHarness.Result again = cli.run("runs", "resume", id, "--reject");
            assertThat(again.exitCode()).isEqualTo(2);
            assertThat(again.err()).contains("is completed, not paused");
        }
    }

    @Test
    void rejectEndsThePausedRunTerminated() throws Exception {
        Path home = tmp.resolve("home");
        CliHarness cli = new CliHarness(home, Map.of());
        try (Rover owner = Rover.builder().dataDirectory(home).environment(Map.of()).build()) {
            CompletableFuture<Run> done = owner.runWorkflowAsync(REVIEW, Map.of(), WorkflowRunOptions.builder().build());
            String id = pausedRunId(owner);

            CliHarness.Result resume = cli.run("runs", "resume", id, "--reject");

            assertThat(resume.exitCode()).as(resume.err()).isZero();
            assertThat(resume.out()).contains("decision: rejected");
            assertThat(done.get(10, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.TERMINATED);
        }
    }
}
