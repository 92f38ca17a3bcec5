package dev.rover.core.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The run database's tables as an ordered list of migrations, each recorded in {@code schema_version}
 * once applied, so that a database created by an older Rover is upgraded in place and one created by a
 * newer Rover is refused instead of being misread. SQL stays within what SQLite, PostgreSQL, MySQL and H2
 * all accept; the {@link SqlDialect} serializes migrations of several processes where the database needs it.
 */
final class StoreSchema {

    /** One schema change; versions start at 1 and increase by one. */
    record Migration(int version, String description, List<String> statements) {
    }

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "runs, timelines and artifact records", List.of(
                    "CREATE TABLE IF NOT EXISTS runs ("
                            + " run_id VARCHAR(64) NOT NULL PRIMARY KEY,"
                            + " run_type VARCHAR(32) NOT NULL,"
                            + " status VARCHAR(16) NOT NULL,"
                            + " created_at BIGINT NOT NULL,"
                            + " owner_pid BIGINT,"
                            + " owner_started_at BIGINT,"
                            + " owner_instance VARCHAR(64),"
                            + " body TEXT NOT NULL)",
                    "CREATE INDEX IF NOT EXISTS runs_by_status ON runs (status)",
                    "CREATE INDEX IF NOT EXISTS runs_by_created_at ON runs (created_at)",
                    "CREATE TABLE IF NOT EXISTS timelines ("
                            + " run_id VARCHAR(64) NOT NULL PRIMARY KEY,"
                            + " body TEXT NOT NULL)",
                    "CREATE TABLE IF NOT EXISTS artifacts ("
                            + " artifact_id VARCHAR(64) NOT NULL PRIMARY KEY,"
                            + " run_id VARCHAR(64) NOT NULL,"
                            + " seq BIGINT NOT NULL,"
                            + " type VARCHAR(32) NOT NULL,"
                            + " created_at BIGINT,"
                            + " body TEXT NOT NULL)",
                    "CREATE INDEX IF NOT EXISTS artifacts_by_run ON artifacts (run_id, seq)")),
            // Active runs from version 1 have no lease, so the first store that opens recovers them as
            // interrupted: their pid-based owners cannot be judged across hosts.
            new Migration(2, "leases and cancel requests of active runs instead of owner pids", List.of(
                    "ALTER TABLE runs ADD COLUMN lease_owner VARCHAR(200)",
                    "ALTER TABLE runs ADD COLUMN lease_heartbeat_at BIGINT",
                    "ALTER TABLE runs ADD COLUMN lease_expires_at BIGINT",
                    "ALTER TABLE runs ADD COLUMN cancel_requested_at BIGINT",
                    "ALTER TABLE runs DROP COLUMN owner_pid",
                    "ALTER TABLE runs DROP COLUMN owner_started_at",
                    "ALTER TABLE runs DROP COLUMN owner_instance",
                    "CREATE INDEX IF NOT EXISTS runs_by_lease_owner ON runs (lease_owner)")),
            new Migration(3, "workflow definitions with their versions", List.of(
                    "CREATE TABLE IF NOT EXISTS workflows ("
                            + " workflow_permanent_id VARCHAR(64) NOT NULL,"
                            + " version INTEGER NOT NULL,"
                            + " title VARCHAR(500),"
                            + " format VARCHAR(8) NOT NULL,"
                            + " definition TEXT NOT NULL,"
                            + " created_at BIGINT NOT NULL,"
                            + " deleted_at BIGINT,"
                            + " PRIMARY KEY (workflow_permanent_id, version))")),
            new Migration(4, "decisions for runs paused in human_interaction blocks", List.of(
                    "ALTER TABLE runs ADD COLUMN resume_request VARCHAR(4000)")),
            // one revision per row; the unique key also finds the newest revision of a key, and stops two
            // processes recording the same block at once from forking its script
            new Migration(5, "block scripts of cached replay with their revisions", List.of(
                    "CREATE TABLE IF NOT EXISTS scripts ("
                            + " script_id VARCHAR(64) NOT NULL,"
                            + " revision INTEGER NOT NULL,"
                            + " workflow VARCHAR(200) NOT NULL,"
                            + " cache_key VARCHAR(500) NOT NULL,"
                            + " block_label VARCHAR(200) NOT NULL,"
                            + " body TEXT NOT NULL,"
                            + " source_run_id VARCHAR(64),"
                            + " created_at BIGINT NOT NULL,"
                            + " PRIMARY KEY (script_id, revision))",
                    "CREATE UNIQUE INDEX IF NOT EXISTS scripts_by_key ON scripts (workflow, cache_key, block_label, revision)")));

    private static final Logger LOG = LoggerFactory.getLogger(StoreSchema.class);

    private StoreSchema() {
    }

    /** The newest schema version this code knows. */
    static int latestVersion() {
        return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
    }

    /**
     * Brings the database up to {@link #latestVersion()}.
     *
     * @throws StoreException when the database's schema is newer than this code knows
     */
    static void migrate(JdbcConnections connections) {
        for (int attempt = 1; ; attempt++) {
            try {
                connections.write(connection -> {
                    connections.dialect().lockSchema(connection);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                                + " version INTEGER NOT NULL PRIMARY KEY,"
                                + " description VARCHAR(200) NOT NULL,"
                                + " applied_at VARCHAR(40) NOT NULL)");
                    }
                    return null;
                });
                break;
            } catch (StoreException e) {
                if (attempt >= MIGRATION_ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
        int current = connections.read(StoreSchema::currentVersion);
        if (current > latestVersion()) {
            throw new StoreException("the run database " + connections.description() + " has schema version " + current
                    + ", newer than this Rover knows (up to " + latestVersion() + "); it was written by a newer Rover:"
                    + " open it with that version, or point ROVER_HOME at another directory");
        }
        for (Migration migration : MIGRATIONS) {
            if (migration.version() > current) {
                apply(connections, migration);
            }
        }
    }

    /** How often a migration is tried while another store holds the database (SQLite answers "busy" at once then). */
    private static final int MIGRATION_ATTEMPTS = 20;

    private static void apply(JdbcConnections connections, Migration migration) {
        for (int attempt = 1; ; attempt++) {
            try {
                applyOnce(connections, migration);
                return;
            } catch (StoreException e) {
                // Another store may have applied the same migration between our read and our write, or be applying
                // it right now (SQLite refuses a second writer at once instead of queueing it).
                int now = connections.read(StoreSchema::currentVersion);
                if (now >= migration.version()) {
                    LOG.debug("schema version {} of {} was applied concurrently by another store", migration.version(),
                            connections.description());
                    return;
                }
                if (attempt >= MIGRATION_ATTEMPTS) {
                    throw new StoreException("cannot migrate the run database " + connections.description()
                            + " to schema version " + migration.version() + " (" + migration.description() + "): "
                            + e.getMessage(), e);
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(50L * attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting to migrate the run database");
        }
    }

    private static void applyOnce(JdbcConnections connections, Migration migration) {
        connections.write(connection -> {
            connections.dialect().lockSchema(connection);
            if (currentVersion(connection) >= migration.version()) {
                return null;
            }
            try (Statement statement = connection.createStatement()) {
                for (String sql : migration.statements()) {
                    statement.execute(sql);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                insert.setInt(1, migration.version());
                insert.setString(2, migration.description());
                insert.setString(3, Instant.now().toString());
                insert.executeUpdate();
            }
            return null;
        });
        LOG.info("run database {} migrated to schema version {} ({})", connections.description(),
                migration.version(), migration.description());
    }

    /** The highest applied version, 0 for an empty database. */
    static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
