package dev.rover.core.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The run store on a JDBC database: embedded SQLite at {@code <home>/rover.db} by default, any other
 * database through a URL or a {@link DataSource}. Runs, timelines and artifact records are kept as JSON
 * beside a few indexed columns; the store creates and migrates its own schema.
 *
 * <p>Crash recovery: every active run (created, queued, running, paused) is saved with its owner, this
 * process's pid and start time. When a store opens (or on {@link #recoverInterrupted()}), active runs whose
 * owner process is no longer alive are marked failed with {@link #INTERRUPTED_REASON}; runs owned by a live
 * process, including other store instances of this very process, are left alone.
 *
 * <p>Thread-safe: calls on one instance are serialized; SQLite runs in WAL mode with a busy timeout so
 * that several instances and processes can share one file.
 */
public final class JdbcRunStore implements RunStore {

    /** The failure reason of a run found active whose process has gone. */
    public static final String INTERRUPTED_REASON = "interrupted: the process stopped while the run was active";

    private static final Logger LOG = LoggerFactory.getLogger(JdbcRunStore.class);
    private static final TypeReference<List<TimelineEntry>> TIMELINE = new TypeReference<>() { };

    private final JdbcConnections db;
    private final RunOwner owner;
    private final StoredJson json;
    private final InterruptedRuns recovery;

    /** A store on the database at this JDBC URL (for SQLite: {@code jdbc:sqlite:/path/rover.db}), recovering on open. */
    public JdbcRunStore(String jdbcUrl) {
        this(builder().url(jdbcUrl));
    }

    /** A store on this data source, taking one connection per call, recovering on open. */
    public JdbcRunStore(DataSource dataSource) {
        this(builder().dataSource(dataSource));
    }

    private JdbcRunStore(Builder b) {
        if ((b.url == null) == (b.dataSource == null)) {
            throw new IllegalArgumentException("a JdbcRunStore needs exactly one of a JDBC URL or a DataSource");
        }
        this.owner = b.owner != null ? b.owner : RunOwner.currentProcess(UUID.randomUUID().toString());
        this.db = b.url != null ? JdbcConnections.fromUrl(b.url) : JdbcConnections.fromDataSource(b.dataSource);
        this.json = new StoredJson(db.description());
        this.recovery = new InterruptedRuns(db, json, b.clock);
        try {
            StoreSchema.migrate(db);
            if (b.recoverOnOpen) {
                recoverInterrupted();
            }
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        LOG.debug("run store open on {} (owner pid {}, instance {})", db.description(), owner.pid(), owner.instanceId());
    }

    /** The embedded SQLite store of a Rover home: {@code <home>/rover.db}, created if missing. */
    public static JdbcRunStore open(Path home) {
        return open(RoverHome.at(home));
    }

    /** The embedded SQLite store of a Rover home: {@code <home>/rover.db}, created if missing. */
    public static JdbcRunStore open(RoverHome home) {
        return builder().sqlite(home.database()).build();
    }

    /** Options for a store beyond its database. */
    public static Builder builder() {
        return new Builder();
    }

    /** The owner recorded on the active runs this instance saves. */
    public RunOwner owner() {
        return owner;
    }

    @Override
    public void save(Run run) {
        Objects.requireNonNull(run, "run");
        String body = json.write(run, "run " + run.runId());
        boolean active = InterruptedRuns.ACTIVE.contains(run.status());
        db.write(c -> {
            int updated;
            try (PreparedStatement update = c.prepareStatement("UPDATE runs SET run_type = ?, status = ?, created_at = ?,"
                    + " owner_pid = ?, owner_started_at = ?, owner_instance = ?, body = ? WHERE run_id = ?")) {
                bindRun(update, run, body, active, 1);
                update.setString(8, run.runId().value());
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO runs (run_type, status, created_at,"
                        + " owner_pid, owner_started_at, owner_instance, body, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    bindRun(insert, run, body, active, 1);
                    insert.setString(8, run.runId().value());
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    private void bindRun(PreparedStatement s, Run run, String body, boolean active, int from) throws SQLException {
        s.setString(from, run.runType().wireName());
        s.setString(from + 1, run.status().wireName());
        s.setLong(from + 2, millis(run.createdAt()));
        if (active) {
            s.setLong(from + 3, owner.pid());
            if (owner.processStart() != null) {
                s.setLong(from + 4, owner.processStart().toEpochMilli());
            } else {
                s.setNull(from + 4, Types.BIGINT);
            }
            s.setString(from + 5, owner.instanceId());
        } else {
            s.setNull(from + 3, Types.BIGINT);
            s.setNull(from + 4, Types.BIGINT);
            s.setNull(from + 5, Types.VARCHAR);
        }
        s.setString(from + 6, body);
    }

    @Override
    public Optional<Run> find(RunId id) {
        Objects.requireNonNull(id, "id");
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT body FROM runs WHERE run_id = ?")) {
                s.setString(1, id.value());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(json.read(rs.getString(1), Run.class, "run " + id)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Run> list(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("a run list limit cannot be negative, got " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT run_id, body FROM runs ORDER BY created_at DESC, run_id DESC")) {
                s.setMaxRows(limit);
                List<Run> runs = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next() && runs.size() < limit) {
                        runs.add(json.read(rs.getString(2), Run.class, "run " + rs.getString(1)));
                    }
                }
                return Collections.unmodifiableList(runs);
            }
        });
    }

    @Override
    public void saveTimeline(RunId id, List<TimelineEntry> timeline) {
        Objects.requireNonNull(id, "id");
        String body = json.write(timeline == null ? List.of() : timeline, "the timeline of run " + id);
        db.write(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE timelines SET body = ? WHERE run_id = ?")) {
                update.setString(1, body);
                update.setString(2, id.value());
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO timelines (body, run_id) VALUES (?, ?)")) {
                insert.setString(1, body);
                insert.setString(2, id.value());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<TimelineEntry> timeline(RunId id) {
        Objects.requireNonNull(id, "id");
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT body FROM timelines WHERE run_id = ?")) {
                s.setString(1, id.value());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? List.copyOf(json.read(rs.getString(1), TIMELINE, "the timeline of run " + id))
                            : List.of();
                }
            }
        });
    }

    /** Records an artifact; recording the same artifact id again replaces it and keeps its place in the order. */
    @Override
    public void addArtifact(ArtifactRecord artifact) {
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(artifact.artifactId(), "artifact id");
        Objects.requireNonNull(artifact.runId(), "artifact run id");
        Objects.requireNonNull(artifact.type(), "artifact type");
        String body = json.write(artifact, "artifact " + artifact.artifactId());
        db.write(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE artifacts SET run_id = ?, type = ?, created_at = ?, body = ? WHERE artifact_id = ?")) {
                update.setString(1, artifact.runId().value());
                update.setString(2, artifact.type().wireName());
                setMillis(update, 3, artifact.createdAt());
                update.setString(4, body);
                update.setString(5, artifact.artifactId());
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO artifacts (artifact_id, run_id, seq, type,"
                    + " created_at, body) SELECT ?, ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ? FROM artifacts WHERE run_id = ?")) {
                insert.setString(1, artifact.artifactId());
                insert.setString(2, artifact.runId().value());
                insert.setString(3, artifact.type().wireName());
                setMillis(insert, 4, artifact.createdAt());
                insert.setString(5, body);
                insert.setString(6, artifact.runId().value());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<ArtifactRecord> artifacts(RunId id, Set<ArtifactType> types) {
        Objects.requireNonNull(id, "id");
        List<ArtifactType> filter = types == null ? List.of() : List.copyOf(types);
        StringBuilder sql = new StringBuilder("SELECT artifact_id, body FROM artifacts WHERE run_id = ?");
        if (!filter.isEmpty()) {
            sql.append(" AND type IN (").append("?, ".repeat(filter.size() - 1)).append("?)");
        }
        sql.append(" ORDER BY seq");
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                s.setString(1, id.value());
                for (int i = 0; i < filter.size(); i++) {
                    s.setString(i + 2, filter.get(i).wireName());
                }
                List<ArtifactRecord> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(json.read(rs.getString(2), ArtifactRecord.class, "artifact " + rs.getString(1)));
                    }
                }
                return Collections.unmodifiableList(out);
            }
        });
    }

    @Override
    public Optional<ArtifactRecord> artifact(String artifactId) {
        Objects.requireNonNull(artifactId, "artifactId");
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT body FROM artifacts WHERE artifact_id = ?")) {
                s.setString(1, artifactId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(json.read(rs.getString(1), ArtifactRecord.class, "artifact " + artifactId))
                            : Optional.empty();
                }
            }
        });
    }

    /**
     * Marks failed every active run whose owner process is no longer alive (see the class comment); runs
     * of live processes are not touched. Called when the store opens; callable again at any time.
     *
     * @return the runs as they are now stored, failed with {@link #INTERRUPTED_REASON}
     */
    public List<Run> recoverInterrupted() {
        return recovery.recover();
    }

    @Override
    public void close() {
        db.close();
    }

    private static long millis(Instant instant) {
        return instant == null ? 0L : instant.toEpochMilli();
    }

    private static void setMillis(PreparedStatement s, int index, Instant instant) throws SQLException {
        if (instant == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, instant.toEpochMilli());
        }
    }

    /** Chooses the database and the options of a {@link JdbcRunStore}. */
    public static final class Builder {
        private String url;
        private DataSource dataSource;
        private Clock clock = Clock.systemUTC();
        private boolean recoverOnOpen = true;
        private RunOwner owner;

        private Builder() {
        }

        /** The database at this JDBC URL. */
        public Builder url(String jdbcUrl) {
            this.url = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            return this;
        }

        /** An SQLite database file (created with its folder if missing). */
        public Builder sqlite(Path file) {
            Path absolute = file.toAbsolutePath();
            try {
                java.nio.file.Files.createDirectories(absolute.getParent());
            } catch (java.io.IOException e) {
                throw new StoreException("cannot create the folder of the run database " + absolute + ": " + e.getMessage(), e);
            }
            return url("jdbc:sqlite:" + absolute);
        }

        /** The database behind this data source, one connection per call. */
        public Builder dataSource(DataSource source) {
            this.dataSource = Objects.requireNonNull(source, "dataSource");
            return this;
        }

        /** The clock for the finish time of recovered runs (default: UTC system clock). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Whether opening recovers interrupted runs (default true); {@link #recoverInterrupted()} is always available. */
        public Builder recoverOnOpen(boolean value) {
            this.recoverOnOpen = value;
            return this;
        }

        /** The owner recorded on active runs; tests use it to stand in for another (dead) process. */
        Builder owner(RunOwner value) {
            this.owner = value;
            return this;
        }

        /** Opens the store, creating or migrating its schema. */
        public JdbcRunStore build() {
            return new JdbcRunStore(this);
        }
    }
}
