package dev.rover;

import dev.rover.core.definition.Workflow;
import dev.rover.core.definition.WorkflowLoader;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Rovers on one database, standing in for two processes (they share nothing else): one cancels a run
 * the other executes, through the store. The second-JVM versions are in the samples module.
 */
class RoverSharedDatabaseTest {

    private static final Workflow LONG_WAIT = new WorkflowLoader().load("""
            title: A long wait
            workflow_definition:
              blocks:
                - {block_type: wait, label: pause, wait_sec: 600}
            """, "wait.yaml");

    @TempDir
    Path dir;

    @Test
    void aRoverCancelsARunAnotherRoverExecutesWithinTwoSeconds() throws Exception {
        Map<String, String> env = Map.of("ROVER_DATABASE_URL", "jdbc:sqlite:" + dir.resolve("shared.db"));
        try (Rover owner = Rover.builder().dataDirectory(dir.resolve("owner")).environment(env).build();
             Rover other = Rover.builder().dataDirectory(dir.resolve("other")).environment(env).build()) {
            CompletableFuture<Run> done = owner.runWorkflowAsync(LONG_WAIT, Map.of(), WorkflowRunOptions.builder().build());
            String id = owner.listRuns(1).get(0).runId().value();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (other.getRun(id).orElseThrow().status() != RunStatus.RUNNING && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            long before = System.nanoTime();
            java.time.Instant asking = java.time.Instant.now();
            Run asked = other.cancelRun(id);
            Run ended = done.get(10, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - before);

            assertThat(asked.status()).as("the cancel is a request to the owner").isEqualTo(RunStatus.RUNNING);
            assertThat(ended.status()).isEqualTo(RunStatus.CANCELED);
            assertThat(ended.appUrl()).as("the owner wrote the report").isNotNull();
            assertThat(Duration.between(asking, ended.finishedAt())).as("request to cancel").isLessThan(Duration.ofSeconds(2));
            assertThat(took).as("until recorded whole, report included").isLessThan(Duration.ofSeconds(5));
            assertThat(other.getRun(id).orElseThrow().status()).isEqualTo(RunStatus.CANCELED);
        }
    }
}
