package dev.rover.core.store;

import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.RunType;
import dev.rover.core.run.SampleRuns;
import dev.rover.core.run.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcRunStoreTest {

    @TempDir
    Path home;

    private static Run createdAt(RunType type, Instant at) {
        return Run.created(RunId.next(type), "run at " + at, Map.of(), null, null, at);
    }

    private static ArtifactRecord artifact(RunId run, ArtifactType type, String id) {
        return new ArtifactRecord(id, run, type, "login", 1, "file:///tmp/" + id, "image/png", 10,
                SampleRuns.T0);
    }

    @Test
    void opensSqliteDatabaseInTheHomeWithTheCurrentSchema() throws Exception {
        try (JdbcRunStore ignored = JdbcRunStore.open(home)) {
            assertThat(home.resolve("rover.db")).exists();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("rover.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(StoreSchema.latestVersion());
        }
    }

    @Test
    void savesFindsAndReplacesRuns() {
        try (JdbcRunStore store = JdbcRunStore.open(home)) {
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
        try (JdbcRunStore store = JdbcRunStore.open(home)) {
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
        try (JdbcRunStore store = JdbcRunStore.open(home)) {
            RunId id = RunId.next(RunType.WORKFLOW);
            assertThat(store.timeline(id)).isEmpty();

            store.saveTimeline(id, SampleRuns.timeline().subList(0, 1));
            store.saveTimeline(id, SampleRuns.timeline());

            assertThat(store.timeline(id)).isEqualTo(SampleRuns.timeline());
        }
    }

    @Test
    void artifactsComeBackInRecordedOrderAndFilterByType() {
        try (JdbcRunStore store = JdbcRunStore.open(home)) {
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
    void aNewStoreOnTheSameDirectoryReadsARunBackWhole() {
        Run run = SampleRuns.completedWorkflow(RunId.next(RunType.WORKFLOW));
        List<TimelineEntry> timeline = SampleRuns.timeline();
        ArtifactRecord shot = artifact(run.runId(), ArtifactType.SCREENSHOT_ACTION, "a_1");
        ArtifactRecord trace = artifact(run.runId(), ArtifactType.TRACE, "a_2");
        try (JdbcRunStore store = JdbcRunStore.open(home)) {
            store.save(run);
            store.saveTimeline(run.runId(), timeline);
            store.addArtifact(shot);
            store.addArtifact(trace);
        }

        try (JdbcRunStore reopened = JdbcRunStore.open(home)) {
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
    void worksThroughADataSource() {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + home.resolve("other.db"));
        Run run = createdAt(RunType.TASK, SampleRuns.T0);
        try (JdbcRunStore store = new JdbcRunStore(dataSource)) {
            store.save(run);
            store.saveTimeline(run.runId(), SampleRuns.timeline());
        }
        try (JdbcRunStore store = new JdbcRunStore("jdbc:sqlite:" + home.resolve("other.db"))) {
            assertThat(store.find(run.runId())).as("a created run of this live process is not recovered")
                    .contains(run);
            assertThat(store.timeline(run.runId())).isEqualTo(SampleRuns.timeline());
        }
    }

    @Test
    void schemaNewerThanTheCodeIsRefusedWithAClearMessage() throws Exception {
        JdbcRunStore.open(home).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("rover.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO schema_version (version, description, applied_at)"
                    + " VALUES (42, 'from the future', '2030-01-01T00:00:00Z')");
        }

        assertThatThrownBy(() -> JdbcRunStore.open(home))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 42")
                .hasMessageContaining("up to " + StoreSchema.latestVersion())
                .hasMessageContaining(home.resolve("rover.db").toString())
                .hasMessageContaining("newer Rover");
    }

    @Test
    void closedStoreSaysSo() {
        JdbcRunStore store = JdbcRunStore.open(home);
        store.close();
        store.close();
        assertThatThrownBy(() -> store.list(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed").hasMessageContaining("rover.db");
    }

    @Test
    void databaseDescriptionsHideCredentials() {
        assertThat(JdbcConnections.describe("jdbc:postgresql://bob:s3cret@db.local:5432/rover?password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db.local:5432/rover");
        assertThat(JdbcConnections.describe("jdbc:sqlserver://db;user=sa;password=hunter2"))
                .isEqualTo("jdbc:sqlserver://db");
        assertThat(JdbcConnections.describe("jdbc:sqlite:/data/rover.db")).isEqualTo("jdbc:sqlite:/data/rover.db");
    }

    @Test
    void aCorruptRunBodyIsReportedWithItsRunId() throws Exception {
        Run run = createdAt(RunType.TASK, SampleRuns.T0).withStatus(RunStatus.FAILED, SampleRuns.T0);
        try (JdbcRunStore store = JdbcRunStore.open(home)) {
            store.save(run);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("rover.db"));
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE runs SET body = '{not json'");
        }
        try (JdbcRunStore store = JdbcRunStore.open(home)) {
            assertThatThrownBy(() -> store.find(run.runId())).isInstanceOf(StoreException.class)
                    .hasMessageContaining(run.runId().value()).hasMessageContaining("cannot be read");
        }
        assertThat(Files.exists(home.resolve("rover.db"))).isTrue();
    }
}
