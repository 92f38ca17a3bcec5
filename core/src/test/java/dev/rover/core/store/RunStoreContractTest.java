package dev.rover.core.store;

import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.HumanDecision;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.RunType;
import dev.rover.core.run.SampleRuns;
import dev.rover.core.run.TimelineEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link JdbcRunStore} database must do, run against each one the store supports (SQLite,
 * PostgreSQL): saving and reading runs, timelines and artifacts, its schema, several instances writing at
 * once. Leases, recovery and cancel requests are in {@link RunLeaseContractTest}.
 */
abstract class RunStoreContractTest {

    private static final int THREADS = 6;
    private static final int RUNS_PER_THREAD = 25;

    /** The JDBC URL of a new, empty database (or schema) for one test. */
    abstract String newDatabaseUrl();

    String url;

    @BeforeEach
    void freshDatabase() {
        url = newDatabaseUrl();
    }

    JdbcRunStore open() {
        return JdbcRunStore.builder().url(url).build();
    }

    static Run createdAt(RunType type, Instant at) {
        return Run.created(RunId.next(type), "run at " + at, Map.of(), null, null, at);
    }

    static ArtifactRecord artifact(RunId run, ArtifactType type, String id) {
        return new ArtifactRecord(id, run, type, "login", 1, "file:///tmp/" + id, "image/png", 10, SampleRuns.T0);
    }

    @Test
    void opensWithTheCurrentSchema() throws Exception {
        open().close();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(StoreSchema.latestVersion());
        }
    }

    @Test
    void savesFindsAndReplacesRuns() {
        try (JdbcRunStore store = open()) {
            Run run = createdAt(RunType.TASK, SampleRuns.T0);
            store.save(run);
            assertThat(store.find(run.runId())).contains(run);

            Run running = run.withStatus(RunStatus.RUNNING, SampleRuns.T0.plusSeconds(1)).toBuilder().stepCount(3).build();
            store.save(running);

            assertThat(store.find(run.runId())).contains(running);
            assertThat(store.list(10)).containsExactly(running);
            assertThat(store.find(RunId.next(RunType.TASK))).isEmpty();
        }
    }

    @Test
    void listsMostRecentFirstWithinTheLimit() {
        try (JdbcRunStore store = open()) {
            Run oldest = createdAt(RunType.WORKFLOW, SampleRuns.T0);
            Run middle = createdAt(RunType.TASK, SampleRuns.T0.plusSeconds(60));
            Run newest = createdAt(RunType.WORKFLOW, SampleRuns.T0.plusSeconds(120));
            store.save(middle);
            store.save(newest);
            store.save(oldest);

            assertThat(store.list(10)).containsExactly(newest, middle, oldest);
            assertThat(store.list(2)).containsExactly(newest, middle);
            assertThat(store.list(0)).isEmpty();
            assertThatThrownBy(() -> store.list(-1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-1");
        }
    }

    @Test
    void timelineIsReplacedWhole() {
        try (JdbcRunStore store = open()) {
            RunId id = RunId.next(RunType.WORKFLOW);
            assertThat(store.timeline(id)).isEmpty();

            store.saveTimeline(id, SampleRuns.timeline().subList(0, 1));
            store.saveTimeline(id, SampleRuns.timeline());

            assertThat(store.timeline(id)).isEqualTo(SampleRuns.timeline());
        }
    }

    @Test
    void artifactsComeBackInRecordedOrderAndFilterByType() {
        try (JdbcRunStore store = open()) {
            RunId id = RunId.next(RunType.WORKFLOW);
            RunId other = RunId.next(RunType.WORKFLOW);
            ArtifactRecord late = artifact(id, ArtifactType.SCREENSHOT_ACTION, "a_9");
            ArtifactRecord prompt = artifact(id, ArtifactType.LLM_PROMPT, "a_1");
            ArtifactRecord shot = artifact(id, ArtifactType.SCREENSHOT_FINAL, "a_5");
            store.addArtifact(late);
            store.addArtifact(prompt);
            store.addArtifact(artifact(other, ArtifactType.LLM_PROMPT, "a_2"));
            store.addArtifact(shot);

            assertThat(store.artifacts(id, Set.of())).containsExactly(late, prompt, shot);
            assertThat(store.artifacts(id, null)).containsExactly(late, prompt, shot);
            assertThat(store.artifacts(id, Set.of(ArtifactType.SCREENSHOT_ACTION, ArtifactType.SCREENSHOT_FINAL)))
                    .containsExactly(late, shot);
            assertThat(store.artifacts(id, Set.of(ArtifactType.TRACE))).isEmpty();
            assertThat(store.artifact("a_1")).contains(prompt);
            assertThat(store.artifact("a_404")).isEmpty();

            ArtifactRecord resized = new ArtifactRecord("a_9", id, ArtifactType.SCREENSHOT_ACTION, "login", 1,
                    late.uri(), "image/png", 99, late.createdAt());
            store.addArtifact(resized);
            assertThat(store.artifacts(id, Set.of())).containsExactly(resized, prompt, shot);
        }
    }

    @Test
    void aResumeRecordedThroughOneStoreIsTakenOnceThroughAnotherAndOnlyForPausedRuns() {
        try (JdbcRunStore owner = open(); JdbcRunStore other = open()) {
            Run run = createdAt(RunType.WORKFLOW, SampleRuns.T0).withStatus(RunStatus.RUNNING, SampleRuns.T0);
            owner.save(run);
            assertThat(other.requestResume(run.runId(), new HumanDecision(true, null))).as("running, not paused").isFalse();
            assertThat(other.requestResume(RunId.next(RunType.WORKFLOW), new HumanDecision(true, null))).isFalse();

            owner.save(run.withStatus(RunStatus.PAUSED, SampleRuns.T0.plusSeconds(1)));
            assertThat(owner.takeResume(run.runId())).isEmpty();
            assertThat(other.requestResume(run.runId(), new HumanDecision(false, "wrong: amount"))).isTrue();

            assertThat(owner.takeResume(run.runId())).contains(new HumanDecision(false, "wrong: amount"));
            assertThat(owner.takeResume(run.runId())).as("taken once").isEmpty();
            assertThat(other.takeResume(run.runId())).isEmpty();
        }
    }

    @Test
    void aNewStoreOnTheSameDatabaseReadsARunBackWhole() {
        Run run = SampleRuns.completedWorkflow(RunId.next(RunType.WORKFLOW));
        List<TimelineEntry> timeline = SampleRuns.timeline();
        ArtifactRecord shot = artifact(run.runId(), ArtifactType.SCREENSHOT_ACTION, "a_1");
        ArtifactRecord trace = artifact(run.runId(), ArtifactType.TRACE, "a_2");
        try (JdbcRunStore store = open()) {
            store.save(run);
            store.saveTimeline(run.runId(), timeline);
            store.addArtifact(shot);
            store.addArtifact(trace);
        }

        try (JdbcRunStore reopened = open()) {
            Run back = reopened.find(run.runId()).orElseThrow();
            assertThat(back).isEqualTo(run);
            assertThat(back.output()).isEqualTo(run.output());
            assertThat(back.errors()).isEqualTo(run.errors());
            assertThat(back.usage()).isEqualTo(run.usage());
            assertThat(back.webhookAttempts()).isEqualTo(run.webhookAttempts());
            assertThat(reopened.timeline(run.runId())).isEqualTo(timeline);
            assertThat(reopened.timeline(run.runId()).get(0).children().get(0).children()).hasSize(2);
            assertThat(reopened.artifacts(run.runId(), Set.of())).containsExactly(shot, trace);
        }
    }

    @Test
    void schemaNewerThanTheCodeIsRefusedWithAClearMessage() throws Exception {
        open().close();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO schema_version (version, description, applied_at)"
                    + " VALUES (42, 'from the future', '2030-01-01T00:00:00Z')");
        }

        assertThatThrownBy(this::open)
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 42")
                .hasMessageContaining("up to " + StoreSchema.latestVersion())
                .hasMessageContaining(JdbcConnections.describe(url))
                .hasMessageContaining("newer Rover");
    }

    @Test
    void closedStoreSaysSo() {
        JdbcRunStore store = open();
        store.close();
        store.close();
        assertThatThrownBy(() -> store.list(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed").hasMessageContaining(JdbcConnections.describe(url));
    }

    @Test
    void aCorruptRunBodyIsReportedWithItsRunId() throws Exception {
        Run run = createdAt(RunType.TASK, SampleRuns.T0).withStatus(RunStatus.FAILED, SampleRuns.T0);
        try (JdbcRunStore store = open()) {
            store.save(run);
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE runs SET body = '{not json'");
        }
        try (JdbcRunStore store = open()) {
            assertThatThrownBy(() -> store.find(run.runId())).isInstanceOf(StoreException.class)
                    .hasMessageContaining(run.runId().value()).hasMessageContaining("cannot be read");
        }
    }

    @Test
    void severalThreadsOnTwoStoreInstancesWriteWithoutLosingAnything() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (JdbcRunStore first = open(); JdbcRunStore second = open()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<RunId>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                JdbcRunStore store = t % 2 == 0 ? first : second;
                futures.add(pool.submit(() -> writeRuns(store, start)));
            }
            start.countDown();
            List<RunId> written = new ArrayList<>();
            for (Future<List<RunId>> f : futures) {
                written.addAll(f.get(120, TimeUnit.SECONDS));
            }

            assertThat(first.list(10_000)).hasSize(THREADS * RUNS_PER_THREAD);
            for (RunId id : written) {
                Run run = second.find(id).orElseThrow();
                assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
                assertThat(run.stepCount()).isEqualTo(2);
                assertThat(first.artifacts(id, Set.of())).extracting(ArtifactRecord::type)
                        .containsExactly(ArtifactType.SCREENSHOT_ACTION, ArtifactType.SCREENSHOT_FINAL);
                assertThat(first.timeline(id)).isEqualTo(SampleRuns.timeline());
                assertThat(first.lease(id)).as("a finished run holds no lease").isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoStoresOpeningAnEmptyDatabaseAtOnceBothMigrateIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<JdbcRunStore>> opening = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                opening.add(pool.submit(() -> {
                    start.await();
                    return open();
                }));
            }
            start.countDown();
            Run run = createdAt(RunType.TASK, SampleRuns.T0);
            try (JdbcRunStore a = opening.get(0).get(60, TimeUnit.SECONDS);
                 JdbcRunStore b = opening.get(1).get(60, TimeUnit.SECONDS)) {
                a.save(run);
                assertThat(b.find(run.runId())).contains(run);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<RunId> writeRuns(JdbcRunStore store, CountDownLatch start) throws InterruptedException {
        start.await();
        List<RunId> ids = new ArrayList<>();
        for (int i = 0; i < RUNS_PER_THREAD; i++) {
            Run run = Run.created(RunId.next(RunType.TASK), "t" + i, Map.of(), null, null, SampleRuns.T0);
            store.save(run);
            Run running = run.withStatus(RunStatus.RUNNING, SampleRuns.T0.plusSeconds(1));
            store.save(running);
            store.addArtifact(new ArtifactRecord(ArtifactRecord.newId(), run.runId(), ArtifactType.SCREENSHOT_ACTION,
                    "b", 1, "file:///tmp/1.png", "image/png", 1, SampleRuns.T0));
            store.addArtifact(new ArtifactRecord(ArtifactRecord.newId(), run.runId(), ArtifactType.SCREENSHOT_FINAL,
                    "b", 2, "file:///tmp/2.png", "image/png", 1, SampleRuns.T0));
            store.saveTimeline(run.runId(), SampleRuns.timeline());
            store.save(running.toBuilder().stepCount(2).build().withStatus(RunStatus.COMPLETED,
                    SampleRuns.T0.plusSeconds(2)));
            ids.add(run.runId());
        }
        return ids;
    }
}
