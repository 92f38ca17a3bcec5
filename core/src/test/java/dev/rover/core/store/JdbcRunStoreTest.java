package dev.rover.core.store;

import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.RunType;
import dev.rover.core.run.SampleRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What is particular to the embedded SQLite store; what every database must do is in {@link RunStoreContractTest}. */
class JdbcRunStoreTest {

    @TempDir
    Path home;

    private static Run createdAt(RunType type, Instant at) {
        return Run.created(RunId.next(type), "run at " + at, Map.of(), null, null, at);
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
    void databaseDescriptionsHideCredentials() {
        assertThat(JdbcConnections.describe("jdbc:postgresql://bob:s3cret@db.local:5432/rover?password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db.local:5432/rover");
        assertThat(JdbcConnections.describe("jdbc:sqlserver://db;user=sa;password=hunter2"))
                .isEqualTo("jdbc:sqlserver://db");
        assertThat(JdbcConnections.describe("jdbc:sqlite:/data/rover.db")).isEqualTo("jdbc:sqlite:/data/rover.db");
    }

    @Test
    void aVersionOneDatabaseIsUpgradedAndItsPidOwnedActiveRunsRecovered() throws Exception {
        Run running = createdAt(RunType.TASK, SampleRuns.T0).withStatus(RunStatus.RUNNING, SampleRuns.T0.plusSeconds(1));
        Run done = createdAt(RunType.TASK, SampleRuns.T0).withStatus(RunStatus.RUNNING, SampleRuns.T0.plusSeconds(1))
                .withStatus(RunStatus.COMPLETED, SampleRuns.T0.plusSeconds(2));
        Path file = home.resolve("rover.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String sql : StoreSchema.MIGRATIONS.get(0).statements()) {
                s.execute(sql);
            }
            s.execute("CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY,"
                    + " description VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL)");
            s.execute("INSERT INTO schema_version VALUES (1, 'runs, timelines and artifact records', '2026-01-01T00:00:00Z')");
            for (Run run : List.of(running, done)) {
                s.execute("INSERT INTO runs (run_id, run_type, status, created_at, owner_pid, owner_instance, body) VALUES ('"
                        + run.runId() + "', 'task', '" + run.status().wireName() + "', 0, "
                        + (run.status().isTerminal() ? "NULL, NULL" : "1, 'old'") + ", '"
                        + dev.rover.core.json.Json.mapper().writeValueAsString(run) + "')");
            }
        }

        try (JdbcRunStore store = JdbcRunStore.open(home)) {
            assertThat(store.find(done.runId())).contains(done);
            Run recovered = store.find(running.runId()).orElseThrow();
            assertThat(recovered.status()).isEqualTo(RunStatus.FAILED);
            assertThat(recovered.failureReason()).isEqualTo(JdbcRunStore.INTERRUPTED_REASON);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(StoreSchema.latestVersion());
        }
    }
}
