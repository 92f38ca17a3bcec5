package dev.rover.core.store;

import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.RunType;
import dev.rover.core.run.SampleRuns;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InterruptedRunRecoveryTest {

    /** Above Linux's largest possible pid (2^22), so no process can have it. */
    private static final long DEAD_PID = 2_000_000_000L;
    private static final Instant RECOVERED_AT = Instant.parse("2026-03-02T12:00:00Z");

    @TempDir
    Path home;

    @BeforeAll
    static void deadPidIsReallyDead() {
        assertThat(ProcessHandle.of(DEAD_PID)).isEmpty();
    }

    private static Run run(RunStatus... path) {
        Run run = Run.created(RunId.next(RunType.WORKFLOW), "r", Map.of("k", "v"), null, null, SampleRuns.T0);
        Instant at = SampleRuns.T0;
        for (RunStatus status : path) {
            at = at.plusSeconds(1);
            run = run.withStatus(status, at);
        }
        return run;
    }

    private JdbcRunStore storeOwnedBy(RunOwner owner) {
        return JdbcRunStore.builder().sqlite(home.resolve("rover.db")).owner(owner).recoverOnOpen(false).build();
    }

    private JdbcRunStore recoveringStore() {
        return JdbcRunStore.builder().sqlite(home.resolve("rover.db"))
                .clock(Clock.fixed(RECOVERED_AT, ZoneOffset.UTC)).build();
    }

    @Test
    void deadOwnersActiveRunsFailWhileALiveOwnersRunIsUntouched() {
        Run liveRunning = run(RunStatus.RUNNING);
        Run deadRunning = run(RunStatus.QUEUED, RunStatus.RUNNING);
        Run deadQueued = run(RunStatus.QUEUED);
        Run deadPaused = run(RunStatus.RUNNING, RunStatus.PAUSED);
        Run deadCreated = run();
        Run deadCompleted = run(RunStatus.RUNNING, RunStatus.COMPLETED);

        try (JdbcRunStore live = JdbcRunStore.open(home)) {
            live.save(liveRunning);
            try (JdbcRunStore dead = storeOwnedBy(new RunOwner(DEAD_PID, null, "crashed-instance"))) {
                dead.save(deadRunning);
                dead.save(deadQueued);
                dead.save(deadPaused);
                dead.save(deadCreated);
                dead.save(deadCompleted);
            }

            try (JdbcRunStore reopened = recoveringStore()) {
                for (Run interrupted : new Run[] {deadRunning, deadQueued, deadPaused, deadCreated}) {
                    Run back = reopened.find(interrupted.runId()).orElseThrow();
                    assertThat(back.status()).as(interrupted.status().name()).isEqualTo(RunStatus.FAILED);
                    assertThat(back.failureReason())
                            .isEqualTo("interrupted: the process stopped while the run was active");
                    assertThat(back.finishedAt()).isEqualTo(RECOVERED_AT);
                    assertThat(back.createdAt()).isEqualTo(interrupted.createdAt());
                    assertThat(back.startedAt()).isEqualTo(interrupted.startedAt());
                    assertThat(back.parameters()).isEqualTo(interrupted.parameters());
                }
                assertThat(reopened.find(liveRunning.runId())).contains(liveRunning);
                assertThat(reopened.find(deadCompleted.runId())).contains(deadCompleted);
                assertThat(reopened.recoverInterrupted()).as("nothing left to recover").isEmpty();
            }
            assertThat(live.find(liveRunning.runId()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        }
    }

    @Test
    void explicitRecoveryReturnsTheRunsItFailed() {
        Run deadRunning = run(RunStatus.RUNNING);
        try (JdbcRunStore dead = storeOwnedBy(new RunOwner(DEAD_PID, null, "gone"))) {
            dead.save(deadRunning);
        }
        try (JdbcRunStore store = JdbcRunStore.builder().sqlite(home.resolve("rover.db")).recoverOnOpen(false)
                .clock(Clock.fixed(RECOVERED_AT, ZoneOffset.UTC)).build()) {
            assertThat(store.find(deadRunning.runId()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);

            assertThat(store.recoverInterrupted()).singleElement().satisfies(r -> {
                assertThat(r.runId()).isEqualTo(deadRunning.runId());
                assertThat(r.status()).isEqualTo(RunStatus.FAILED);
            });
            assertThat(store.find(deadRunning.runId()).orElseThrow().failureReason())
                    .isEqualTo(JdbcRunStore.INTERRUPTED_REASON);
        }
    }

    @Test
    void aReusedPidDoesNotKeepARunAlive() {
        ProcessHandle self = ProcessHandle.current();
        Instant otherStart = Instant.parse("2001-01-01T00:00:00Z");
        Run stale = run(RunStatus.RUNNING);
        try (JdbcRunStore earlier = storeOwnedBy(new RunOwner(self.pid(), otherStart, "earlier-process"))) {
            earlier.save(stale);
        }
        try (JdbcRunStore store = recoveringStore()) {
            assertThat(store.find(stale.runId()).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
        }
    }

    @Test
    void runsLeaveTheActiveStatusesWithoutAnOwner() {
        Run running = run(RunStatus.RUNNING);
        try (JdbcRunStore store = JdbcRunStore.open(home)) {
            store.save(running);
            store.save(running.withStatus(RunStatus.COMPLETED, SampleRuns.T0.plusSeconds(30)));
        }
        try (JdbcRunStore reopened = recoveringStore()) {
            assertThat(reopened.find(running.runId()).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
        }
    }

    @Test
    void ownerLivenessFollowsTheProcess() {
        assertThat(RunOwner.currentProcess("me").isAlive()).isTrue();
        assertThat(new RunOwner(ProcessHandle.current().pid(), null, "me").isAlive()).isTrue();
        assertThat(new RunOwner(DEAD_PID, null, "gone").isAlive()).isFalse();
        assertThat(new RunOwner(ProcessHandle.current().pid(), Instant.EPOCH, "reused").isAlive()).isFalse();
    }
}
