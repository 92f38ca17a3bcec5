package dev.rover.samples.e2e;

import dev.rover.Rover;
import dev.rover.blocks.runtime.PausedRunTakeover;
import dev.rover.core.run.HumanDecision;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.TimelineEntry;
import dev.rover.core.store.JdbcRunStore;
import dev.rover.core.store.RunLease;
import dev.rover.samples.cli.RoverCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run paused in a {@code human_interaction} block survives the death of its process: {@code rover run} in a second
 * JVM pauses, is killed (SIGKILL, no shutdown), and the run stays {@code paused}; a Rover in this JVM on the same data
 * directory then approves it and continues it from the next block in a new browser session, or, when nobody answered
 * in time, ends it {@code timed_out} at its timeout.
 */
@EnabledOnOs(OS.LINUX)
class PausedRunRestartE2ETest {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration LEASE = Duration.ofSeconds(2);
    private static LifecyclePages pages;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        pages = new LifecyclePages();
    }

    @AfterAll
    static void stop() {
        pages.close();
    }

    @Test
    void anApprovedRunWhoseProcessDiedContinuesFromTheNextBlockInANewProcess() throws Exception {
        Path workflow = Files.writeString(tmp.resolve("approve.yaml"), """
                title: Approve then read
                workflow_definition:
                  version: 2
                  blocks:
                    - {block_type: goto_url, label: open, url: "%s", next_block_label: approval}
                    - block_type: human_interaction
                      label: approval
                      instructions: Check the product before the run reads it
                      timeout_seconds: 600
                      next_block_label: read
                    - block_type: code
                      label: read
                      language: javascript
                      code: |
                        return {heading: document.querySelector('h1') ? document.querySelector('h1').textContent : null,
                                decision: approval_output.decision, comment: approval_output.comment};
                """.formatted(pages.url("/product")));
        Path home = tmp.resolve("home");
        RunId id = pauseAndKill(home, workflow);

        try (Rover rover = Rover.builder().dataDirectory(home).runLease(LEASE).build()) {
            assertThat(rover.getRun(id).orElseThrow().status()).as("still paused after recovery on open").isEqualTo(RunStatus.PAUSED);

            Run resumed = rover.resumeRun(id.value(), new HumanDecision(true, "looks right"));
            assertThat(rover.isRunningHere(id.value())).as("this process took the run over").isTrue();
            assertThat(resumed.status()).isIn(RunStatus.PAUSED, RunStatus.RUNNING, RunStatus.COMPLETED);
            Run ended = awaitTerminal(rover, id);

            assertThat(ended.status()).as("ended: %s", ended.failureReason()).isEqualTo(RunStatus.COMPLETED);
            @SuppressWarnings("unchecked")
            Map<String, Object> output = (Map<String, Object>) ended.output();
            assertThat(output).containsKeys("open_output", "approval_output", "read_output");
            assertThat((Map<String, Object>) output.get("approval_output")).containsEntry("decision", "approved")
                    .containsEntry("comment", "looks right");
            // the block after the pause ran in a new browser session: a blank page, no heading
            assertThat((Map<String, Object>) output.get("read_output")).containsEntry("decision", "approved")
                    .containsEntry("comment", "looks right").containsEntry("heading", null);
            assertThat(ended.errors()).anySatisfy(e -> {
                assertThat(e.errorCode()).isEqualTo(PausedRunTakeover.CONTINUED_CODE);
                assertThat(e.reasoning()).contains("new browser session").contains("'approval'");
            });
            List<TimelineEntry> timeline = rover.getRunTimeline(id);
            assertThat(timeline).extracting(TimelineEntry::label).containsExactly("open", "approval", "read");
            assertThat(timeline).extracting(TimelineEntry::status).containsOnly("completed");
            assertThat(rover.reportPath(id)).isPresent();
        }
    }

    @Test
    void runsResumeRejectingARunWhoseProcessDiedTakesItOverAndEndsItTerminated() throws Exception {
        Path workflow = Files.writeString(tmp.resolve("reject.yaml"), """
                title: Reject me
                workflow_definition:
                  blocks:
                    - {block_type: human_interaction, label: approval, instructions: Approve the transfer, timeout_seconds: 600}
                    - {block_type: wait, label: after, wait_sec: 1}
                """);
        Path home = tmp.resolve("home");
        RunId id = pauseAndKill(home, workflow);

        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = RoverCli.commandLine(new dev.rover.samples.cli.RoverSetup(
                Map.of("ROVER_RUN_LEASE_SECONDS", String.valueOf(LEASE.toSeconds())), java.util.function.UnaryOperator.identity()));
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        int code = cli.execute("runs", "resume", id.value(), "--reject", "--comment", "wrong account", "--data-dir", home.toString());

        assertThat(err.toString()).contains("the process that paused run " + id + " stopped; continuing the run here");
        assertThat(out.toString()).contains("status:   terminated");
        assertThat(code).as(err.toString()).isZero();
        Run ended = storedRun(home, id);
        assertThat(ended.status()).isEqualTo(RunStatus.TERMINATED);
        assertThat(ended.failureReason()).contains("a person rejected human_interaction block 'approval': wrong account");
        assertThat(((Map<?, ?>) ended.output()).get("approval_output").toString()).contains("decision=rejected");
        assertThat(((Map<?, ?>) ended.output()).containsKey("after_output")).as("the block after the rejected one did not run").isFalse();
    }

    @Test
    void aPausedRunWhoseProcessDiedEndsTimedOutAtItsTimeoutWhenAnotherProcessLooks() throws Exception {
        Path workflow = Files.writeString(tmp.resolve("short.yaml"), """
                title: Short wait
                workflow_definition:
                  blocks:
                    - {block_type: human_interaction, label: approval, timeout_seconds: 4}
                """);
        Path home = tmp.resolve("home");
        RunId id = pauseAndKill(home, workflow);
        Instant timeoutAt = Instant.parse(String.valueOf(((Map<?, ?>) ((Map<?, ?>) storedRun(home, id).output())
                .get("approval_output")).get("timeout_at")));
        awaitPast(timeoutAt.plusMillis(100));

        try (Rover rover = Rover.builder().dataDirectory(home).runLease(LEASE).build()) {
            Run ended = rover.getRun(id).orElseThrow();
            assertThat(ended.status()).isEqualTo(RunStatus.TIMED_OUT);
            assertThat(ended.failureReason()).contains("before its timeout").contains(timeoutAt.toString());
            assertThat(rover.getRunTimeline(id)).extracting(TimelineEntry::status).containsOnly("timed_out");
        }
    }

    /** Runs the workflow with {@code rover run} in a second JVM, kills it once the run is paused, waits for its lease to lapse. */
    private RunId pauseAndKill(Path home, Path workflow) throws Exception {
        Path stderr = tmp.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", testClassPath(), RoverCli.class.getName(), "run", workflow.toString(), "--data-dir", home.toString())
                .redirectError(stderr.toFile()).redirectOutput(tmp.resolve("stdout.txt").toFile());
        builder.environment().put("ROVER_RUN_LEASE_SECONDS", String.valueOf(LEASE.toSeconds()));
        Process cli = builder.start();
        RunId id;
        try {
            id = awaitPaused(cli, home, stderr);
        } finally {
            cli.destroyForcibly(); // SIGKILL: nothing is recorded on the way out
        }
        assertThat(cli.waitFor(10, TimeUnit.SECONDS)).isTrue();
        try (JdbcRunStore store = JdbcRunStore.open(home)) {
            Optional<RunLease> lease = store.lease(id);
            assertThat(lease).as("the dead process still holds the lease").isPresent();
            awaitPast(lease.get().expiresAt().plusMillis(100));
        }
        return id;
    }

    private static RunId awaitPaused(Process cli, Path home, Path stderr) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(home.resolve("rover.db"))) {
                try (JdbcRunStore store = JdbcRunStore.builder().url("jdbc:sqlite:" + home.resolve("rover.db"))
                        .recoverOnOpen(false).build()) {
                    Optional<Run> paused = store.list(5).stream().filter(r -> r.status() == RunStatus.PAUSED).findFirst();
                    if (paused.isPresent()) {
                        return paused.get().runId();
                    }
                } catch (RuntimeException e) {
                    // the database is still being created by the other process
                }
            }
            if (!cli.isAlive()) {
                throw new AssertionError("the CLI ended before the run paused:\n" + Files.readString(stderr));
            }
            Thread.sleep(100); // polling another process's database: there is nothing to wait on
        }
        throw new AssertionError("the run did not pause within " + STARTUP + ":\n" + Files.readString(stderr));
    }

    private static Run storedRun(Path home, RunId id) {
        try (JdbcRunStore store = JdbcRunStore.builder().url("jdbc:sqlite:" + home.resolve("rover.db")).recoverOnOpen(false).build()) {
            return store.find(id).orElseThrow();
        }
    }

    private static Run awaitTerminal(Rover rover, RunId id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Run run = rover.getRun(id).orElseThrow();
        while (!run.status().isTerminal() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            run = rover.getRun(id).orElseThrow();
        }
        return run;
    }

    /** Waits until the wall clock is past {@code moment} (a lease expiry or a timeout: a time is the condition). */
    private static void awaitPast(Instant moment) throws InterruptedException {
        while (Instant.now().isBefore(moment)) {
            Thread.sleep(Math.max(1, Math.min(200, Duration.between(Instant.now(), moment).toMillis())));
        }
    }

    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
