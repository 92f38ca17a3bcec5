package dev.rover.core.store;

import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.RunType;
import dev.rover.core.run.TimelineEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leases, crash recovery and cancel requests between store instances (standing in for processes, which
 * share nothing but the database), run against every database the store supports. The second-JVM
 * versions (kill -9, cancel from another process) are in the samples module.
 */
abstract class RunLeaseContractTest {

    private static final Duration SHORT_LEASE = Duration.ofSeconds(3);

    /** The JDBC URL of a new, empty database (or schema) for one test. */
    abstract String newDatabaseUrl();

    String url;

    @BeforeEach
    void freshDatabase() {
        url = newDatabaseUrl();
    }

    JdbcRunStore.Builder store() {
        return JdbcRunStore.builder().url(url);
    }

    static Run run(RunStatus... path) {
        Instant at = Instant.now().minusSeconds(60);
        Run run = Run.created(RunId.next(RunType.WORKFLOW), "r", Map.of("k", "v"), null, null, at);
        for (RunStatus status : path) {
            at = at.plusSeconds(1);
            run = run.withStatus(status, at);
        }
        return run;
    }

    static void await(BooleanSupplier condition, Duration limit, String what) {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + limit + " waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    @Test
    void anActiveRunIsHeldByTheInstanceThatSavedItAndRenewedUntilItEnds() {
        try (JdbcRunStore owner = store().lease(SHORT_LEASE).build()) {
            Run running = run(RunStatus.RUNNING);
            owner.save(running);
            RunLease first = owner.lease(running.runId()).orElseThrow();
            assertThat(first.owner()).isEqualTo(owner.owner().id());
            assertThat(Duration.between(first.heartbeatAt(), first.expiresAt())).isEqualTo(SHORT_LEASE);
            assertThat(first.cancelRequestedAt()).isNull();

            await(() -> owner.lease(running.runId()).orElseThrow().heartbeatAt().isAfter(first.expiresAt()),
                    Duration.ofSeconds(10), "a heartbeat after the first lease's expiry");
            try (JdbcRunStore other = store().recoverOnOpen(false).build()) {
                assertThat(other.recoverInterrupted()).as("the owner renews, so nothing lapsed").isEmpty();
                assertThat(other.find(running.runId()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
            }

            owner.save(running.withStatus(RunStatus.COMPLETED, Instant.now()));
            assertThat(owner.lease(running.runId())).as("a finished run holds no lease").isEmpty();
        }
    }

    @Test
    void aCrashedOwnersRunsAreRecoveredOnlyOnceTheirLeasesLapse() {
        Run running = run(RunStatus.QUEUED, RunStatus.RUNNING);
        Run queued = run(RunStatus.QUEUED);
        Run paused = run(RunStatus.RUNNING, RunStatus.PAUSED);
        Run created = run();
        Run completed = run(RunStatus.RUNNING, RunStatus.COMPLETED);
        Instant blockStart = running.startedAt().plusSeconds(1);
        TimelineEntry done = new TimelineEntry(TimelineEntry.Type.BLOCK, "open", "completed", null, null, null,
                blockStart, blockStart.plusSeconds(1), List.of(), List.of());
        TimelineEntry openStep = new TimelineEntry(TimelineEntry.Type.STEP, "step 1", "running", null, null, null,
                blockStart.plusSeconds(2), null, List.of("a_1"), List.of());
        TimelineEntry openBlock = new TimelineEntry(TimelineEntry.Type.BLOCK, "pause", "running", null, null, null,
                blockStart.plusSeconds(2), null, List.of(), List.of(openStep));
        ArtifactRecord shot = new ArtifactRecord("a_1", running.runId(), ArtifactType.SCREENSHOT_ACTION, "pause", 1,
                "file:///tmp/a_1.png", "image/png", 10, blockStart);
        JdbcRunStore crashed = store().lease(SHORT_LEASE).recoverOnOpen(false).build();
        for (Run r : List.of(running, queued, paused, created, completed)) {
            crashed.save(r);
        }
        crashed.saveTimeline(running.runId(), List.of(done, openBlock));
        crashed.addArtifact(shot);
        crashed.close(); // the heartbeat stops as it would with kill -9; nothing is released

        try (JdbcRunStore survivor = store().recoverOnOpen(false).build()) {
            RunLease lastLease = survivor.lease(running.runId()).orElseThrow();
            assertThat(lastLease.owner()).isEqualTo(crashed.owner().id());
            assertThat(survivor.recoverInterrupted()).as("the leases are still valid").isEmpty();
            assertThat(survivor.find(running.runId()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);

            List<Run> recovered = new CopyOnWriteArrayList<>();
            await(() -> recovered.addAll(survivor.recoverInterrupted()) && recovered.size() >= 4,
                    Duration.ofSeconds(15), "the lapsed leases to be recovered");
            assertThat(Instant.now()).as("recovered only after the lease expired").isAfterOrEqualTo(lastLease.expiresAt());
            assertThat(recovered).extracting(Run::runId).containsExactlyInAnyOrder(running.runId(), queued.runId(),
                    paused.runId(), created.runId());

            for (Run interrupted : List.of(running, queued, paused, created)) {
                Run back = survivor.find(interrupted.runId()).orElseThrow();
                assertThat(back.status()).as(interrupted.status().name()).isEqualTo(RunStatus.FAILED);
                assertThat(back.failureReason()).isEqualTo(JdbcRunStore.INTERRUPTED_REASON);
                assertThat(back.createdAt()).isEqualTo(interrupted.createdAt());
                assertThat(back.startedAt()).isEqualTo(interrupted.startedAt());
                assertThat(back.parameters()).isEqualTo(interrupted.parameters());
                assertThat(survivor.lease(interrupted.runId())).isEmpty();
            }
            Run back = survivor.find(running.runId()).orElseThrow();
            assertThat(back.finishedAt()).as("ends at the owner's last heartbeat").isEqualTo(lastLease.heartbeatAt());
            assertThat(survivor.find(completed.runId())).contains(completed);
            assertThat(survivor.artifacts(running.runId(), Set.of())).as("artifacts are kept").containsExactly(shot);

            List<TimelineEntry> timeline = survivor.timeline(running.runId());
            assertThat(timeline.get(0)).as("a closed entry is left as it was").isEqualTo(done);
            TimelineEntry block = timeline.get(1);
            assertThat(block.status()).isEqualTo("failed");
            assertThat(block.failureReason()).isEqualTo(JdbcRunStore.INTERRUPTED_REASON);
            assertThat(block.finishedAt()).isEqualTo(lastLease.heartbeatAt().isAfter(block.startedAt())
                    ? lastLease.heartbeatAt() : block.startedAt());
            assertThat(block.children()).singleElement().satisfies(step -> {
                assertThat(step.status()).isEqualTo("failed");
                assertThat(step.finishedAt()).isEqualTo(block.finishedAt());
                assertThat(step.artifactIds()).containsExactly("a_1");
            });
            assertThat(survivor.recoverInterrupted()).as("nothing left to recover").isEmpty();
        }
    }

    @Test
    void aStoreOpeningAfterTheLeaseLapsedRecoversOnItsOwn() {
        Run running = run(RunStatus.RUNNING);
        try (JdbcRunStore crashed = store().lease(Duration.ofSeconds(1)).recoverOnOpen(false).build()) {
            crashed.save(running);
        }
        RunLease lease;
        try (JdbcRunStore reader = store().recoverOnOpen(false).build()) {
            lease = reader.lease(running.runId()).orElseThrow();
        }
        await(() -> Instant.now().isAfter(lease.expiresAt().plusMillis(200)), Duration.ofSeconds(5), "the lease to lapse");

        try (JdbcRunStore reopened = store().build()) {
            Run back = reopened.find(running.runId()).orElseThrow();
            assertThat(back.status()).isEqualTo(RunStatus.FAILED);
            assertThat(back.finishedAt()).isEqualTo(lease.heartbeatAt());
        }
    }

    private static Run awaitingUntil(Instant timeoutAt) {
        return run(RunStatus.RUNNING, RunStatus.PAUSED).toBuilder().output(Map.of("approval_output",
                Map.of("status", dev.rover.core.run.PausedRun.AWAITING, "instructions", "Approve", "timeout_at", timeoutAt.toString())))
                .build();
    }

    @Test
    void aPausedRunOutlivesItsOwnerUntilItsTimeoutAndExactlyOneOtherInstanceTakesItOver() {
        Run waiting = awaitingUntil(Instant.now().plusSeconds(600));
        Instant past = Instant.now().minusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Run overdue = awaitingUntil(past);
        try (JdbcRunStore crashed = store().lease(Duration.ofSeconds(1)).recoverOnOpen(false).build()) {
            crashed.save(waiting);
            crashed.save(overdue);
            assertThat(crashed.claimOrphanedPause(waiting.runId())).as("its owner's lease is live").isFalse();
        }
        RunLease lease;
        try (JdbcRunStore reader = store().recoverOnOpen(false).build()) {
            lease = reader.lease(waiting.runId()).orElseThrow();
        }
        await(() -> Instant.now().isAfter(lease.expiresAt().plusMillis(200)), Duration.ofSeconds(5), "the lease to lapse");

        try (JdbcRunStore first = store().recoverOnOpen(false).build();
             JdbcRunStore second = store().recoverOnOpen(false).build()) {
            assertThat(first.recoverInterrupted()).extracting(Run::runId).containsExactly(overdue.runId());
            Run timedOut = first.find(overdue.runId()).orElseThrow();
            assertThat(timedOut.status()).isEqualTo(RunStatus.TIMED_OUT);
            assertThat(timedOut.failureReason()).contains("before its timeout at " + past);
            assertThat(timedOut.finishedAt()).isEqualTo(past);
            assertThat(first.find(waiting.runId()).orElseThrow().status()).as("still waiting for a person").isEqualTo(RunStatus.PAUSED);

            assertThat(first.claimOrphanedPause(waiting.runId())).isTrue();
            assertThat(second.claimOrphanedPause(waiting.runId())).as("the first instance holds it now").isFalse();
            assertThat(first.lease(waiting.runId()).orElseThrow().owner()).isEqualTo(first.owner().id());
            assertThat(second.claimOrphanedPause(overdue.runId())).as("no longer paused").isFalse();
        }
    }

    @Test
    void aStoreThatStaysOpenRecoversACrashedPeersRunOnItsOwn() {
        try (JdbcRunStore survivor = store().lease(Duration.ofSeconds(1)).build()) {
            Run running = run(RunStatus.RUNNING);
            try (JdbcRunStore crashed = store().lease(Duration.ofSeconds(1)).recoverOnOpen(false).build()) {
                crashed.save(running);
            }

            await(() -> survivor.find(running.runId()).orElseThrow().status() == RunStatus.FAILED,
                    Duration.ofSeconds(10), "the open store's own recovery");
            assertThat(survivor.find(running.runId()).orElseThrow().failureReason())
                    .isEqualTo(JdbcRunStore.INTERRUPTED_REASON);
        }
    }

    @Test
    void aCancelRequestFromAnotherInstanceReachesTheOwnerWithinTwoSecondsOnce() {
        List<RunId> heard = new CopyOnWriteArrayList<>();
        try (JdbcRunStore owner = store().build(); JdbcRunStore other = store().build()) {
            owner.onCancelRequested(heard::add);
            Run running = run(RunStatus.RUNNING);
            Run finished = run(RunStatus.RUNNING, RunStatus.COMPLETED);
            owner.save(running);
            owner.save(finished);

            long before = System.nanoTime();
            assertThat(other.requestCancel(running.runId())).isTrue();
            await(() -> !heard.isEmpty(), Duration.ofSeconds(5), "the owner to hear the cancel request");
            Duration took = Duration.ofNanos(System.nanoTime() - before);

            assertThat(heard).containsExactly(running.runId());
            assertThat(took).isLessThan(Duration.ofSeconds(2));
            assertThat(other.lease(running.runId()).orElseThrow().cancelRequestedAt()).isNotNull();
            assertThat(other.requestCancel(finished.runId())).as("a finished run").isFalse();
            assertThat(other.requestCancel(RunId.next(RunType.TASK))).as("an unknown run").isFalse();

            RunLease renewedOnce = owner.lease(running.runId()).orElseThrow();
            await(() -> owner.lease(running.runId()).orElseThrow().heartbeatAt().isAfter(renewedOnce.heartbeatAt()),
                    Duration.ofSeconds(5), "another heartbeat");
            assertThat(heard).as("each request is handed over once").hasSize(1);

            owner.save(running.withStatus(RunStatus.CANCELED, Instant.now()));
            assertThat(owner.find(running.runId()).orElseThrow().status()).isEqualTo(RunStatus.CANCELED);
            assertThat(owner.lease(running.runId())).isEmpty();
        }
    }

    @Test
    void aRunThatEndedIsNotReopenedByALateActiveSave() {
        Run running = run(RunStatus.RUNNING);
        try (JdbcRunStore store = store().build()) {
            store.save(running);
            Run failed = running.withStatus(RunStatus.FAILED, Instant.now());
            store.save(failed);

            store.save(running.toBuilder().stepCount(5).build());

            assertThat(store.find(running.runId())).contains(failed);
            assertThat(store.lease(running.runId())).isEmpty();
        }
    }

    @Test
    void leasesShorterThanASecondOrLongerThanADayAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store().lease(Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 second");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store().lease(Duration.ofDays(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 1 day");
    }
}
