package dev.rover.core.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.HumanDecision;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunId;
import dev.rover.core.run.TimelineEntry;
import dev.rover.core.script.ScriptStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The run store on a JDBC database: embedded SQLite at {@code <home>/rover.db} by default, PostgreSQL (or
 * any other database) through a URL or a {@link DataSource}, so that several processes on several hosts
 * share one store. Runs, timelines and artifact records are kept as JSON beside a few indexed columns; the
 * store creates and migrates its own schema; what differs between databases is in {@link SqlDialect}.
 *
 * <p>Leases instead of pids: every active run (created, queued, running, paused) is saved with a lease held
 * by this store instance ({@link #owner()}), which a heartbeat renews while the run is active. A run whose
 * lease lapsed (its owner crashed or lost the database, on whatever host) is recovered as failed with
 * {@link #INTERRUPTED_REASON}: when a store opens, every lease period afterwards, and on
 * {@link #recoverInterrupted()}. Another process cancels a run through {@link #requestCancel(RunId)}; the
 * owner's heartbeat hands the request to its {@link CancelRequestListener} within a second.
 *
 * <p>Thread-safe: calls on one instance are serialized; SQLite runs in WAL mode with a busy timeout so
 * that several instances and processes can share one file.
 */
public final class JdbcRunStore implements RunStore {

    /** The failure reason of a run found active whose process has gone. */
    public static final String INTERRUPTED_REASON =
            "interrupted: the process running it stopped renewing its lease while the run was active";

    /** How long a lease lasts without a heartbeat unless the builder says otherwise. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(JdbcRunStore.class);
    private static final TypeReference<List<TimelineEntry>> TIMELINE = new TypeReference<>() { };

    private final JdbcConnections db;
    private final DatabaseClock clock;
    private final StoredJson json;
    private final InterruptedRuns recovery;
    private final LeaseKeeper leases;
    private final ArtifactRows artifacts;
    private final ResumeRequests resumes;
    private final JdbcWorkflowStore workflows;
    private final JdbcScriptStore scripts;

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
        RunOwner owner = b.owner != null ? b.owner : RunOwner.forThisProcess();
        this.db = b.url != null ? JdbcConnections.fromUrl(b.url) : JdbcConnections.fromDataSource(b.dataSource);
        this.clock = new DatabaseClock(db.dialect(), b.clock);
        this.json = new StoredJson(db.description());
        this.recovery = new InterruptedRuns(db, json, clock);
        this.artifacts = new ArtifactRows(db, json);
        this.resumes = new ResumeRequests(db);
        this.workflows = new JdbcWorkflowStore(db, b.clock);
        this.scripts = new JdbcScriptStore(db, b.clock);
        this.leases = new LeaseKeeper(db, clock, owner, b.lease, b.recoverOnOpen ? recovery : null);
        try {
            StoreSchema.migrate(db);
            if (b.recoverOnOpen) {
                recoverInterrupted();
            }
            leases.start();
        } catch (RuntimeException e) {
            leases.close();
            db.close();
            throw e;
        }
        LOG.debug("run store open on {} (owner {}, lease {})", db.description(), owner, b.lease);
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

    /** The owner of the leases of the active runs this instance saves. */
    public RunOwner owner() {
        return leases.owner();
    }

    /** How long a lease of this instance lasts without a heartbeat. */
    public Duration leaseDuration() {
        return leases.lease();
    }

    /**
     * Saves a run; an active run is saved with a fresh lease of this instance, renewed until the run is
     * saved terminal. An active run never replaces a terminal one: a run another process already recovered
     * as interrupted stays ended (logged).
     */
    @Override
    public void save(Run run) {
        Objects.requireNonNull(run, "run");
        String body = json.write(run, "run " + run.runId());
        boolean active = LeaseKeeper.holdsLease(run.status());
        if (active) {
            leases.hold(run.runId());
        }
        boolean saved = db.write(c -> {
            Instant now = clock.now(c);
            int updated;
            try (PreparedStatement update = c.prepareStatement("UPDATE runs SET run_type = ?, status = ?, created_at = ?,"
                    + " lease_owner = ?, lease_heartbeat_at = ?, lease_expires_at = ?, body = ? WHERE run_id = ?"
                    + (active ? " AND status IN " + InterruptedRuns.activePlaceholders() : ""))) {
                bindRun(update, run, body, active, now);
                update.setString(8, run.runId().value());
                if (active) {
                    InterruptedRuns.bindActive(update, 9);
                }
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                if (active && exists(c, run.runId())) {
                    return false;
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO runs (run_type, status, created_at,"
                        + " lease_owner, lease_heartbeat_at, lease_expires_at, body, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    bindRun(insert, run, body, active, now);
                    insert.setString(8, run.runId().value());
                    insert.executeUpdate();
                }
            }
            return true;
        });
        if (!active) {
            leases.release(run.runId());
        } else if (!saved) {
            leases.release(run.runId());
            LOG.warn("run {} was not saved {}: it already ended in {} (recovered by another process after its lease"
                    + " lapsed?)", run.runId(), run.status().wireName(), db.description());
        }
    }

    private static boolean exists(Connection c, RunId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM runs WHERE run_id = ?")) {
            s.setString(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void bindRun(PreparedStatement s, Run run, String body, boolean active, Instant now) throws SQLException {
        s.setString(1, run.runType().wireName());
        s.setString(2, run.status().wireName());
        s.setLong(3, run.createdAt() == null ? 0L : run.createdAt().toEpochMilli());
        if (active) {
            s.setString(4, leases.owner().id());
            s.setLong(5, now.toEpochMilli());
            s.setLong(6, leases.expiresAt(now).toEpochMilli());
        } else {
            s.setNull(4, Types.VARCHAR);
            s.setNull(5, Types.BIGINT);
            s.setNull(6, Types.BIGINT);
        }
        s.setString(7, body);
    }

    /**
     * Records that the run should be canceled; its owner, in this or another process, sees the request
     * within a second through its heartbeat and cancels the run.
     *
     * @return false when there is no such run or it is no longer active
     */
    @Override
    public boolean requestCancel(RunId id) {
        Objects.requireNonNull(id, "id");
        return leases.requestCancel(id);
    }

    /** Records the decision on a paused run; the run's owner polls for it with {@link #takeResume}. */
    @Override
    public boolean requestResume(RunId id, HumanDecision decision) {
        return resumes.request(id, decision);
    }

    @Override
    public Optional<HumanDecision> takeResume(RunId id) {
        return resumes.take(id);
    }

    /** Takes the lease of a paused run whose owner stopped renewing it; this instance renews it from then on. */
    @Override
    public boolean claimOrphanedPause(RunId id) {
        boolean claimed = resumes.claimOrphan(id, leases.owner().id(), clock, leases::expiresAt);
        if (claimed) {
            leases.hold(id);
        }
        return claimed;
    }

    /** Who hears the cancel requests for the runs this instance owns; replaces the previous listener. */
    @Override
    public void onCancelRequested(CancelRequestListener listener) {
        leases.listener(listener);
    }

    /** The lease the run is held by, while it is active. */
    public Optional<RunLease> lease(RunId id) {
        Objects.requireNonNull(id, "id");
        return leases.lease(id);
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
        artifacts.add(artifact);
    }

    @Override
    public List<ArtifactRecord> artifacts(RunId id, Set<ArtifactType> types) {
        return artifacts.ofRun(id, types);
    }

    @Override
    public Optional<ArtifactRecord> artifact(String artifactId) {
        return artifacts.byId(artifactId);
    }

    /**
     * Marks failed every active run whose lease lapsed (see the class comment); runs whose owners renew
     * their leases are not touched. Called when the store opens and every lease period; callable at any time.
     *
     * @return the runs as they are now stored, failed with {@link #INTERRUPTED_REASON}
     */
    public List<Run> recoverInterrupted() {
        return recovery.recover();
    }

    /** The workflow definitions kept in the same database. */
    public WorkflowStore workflows() {
        return workflows;
    }

    /** The block scripts of cached replay kept in the same database. */
    public ScriptStore scripts() {
        return scripts;
    }

    /** Stops the heartbeat and closes the database; leases of runs still active here lapse and are recovered elsewhere. */
    @Override
    public void close() {
        try {
            leases.close();
        } finally {
            db.close();
        }
    }

    /** Chooses the database and the options of a {@link JdbcRunStore}. */
    public static final class Builder {
        private String url;
        private DataSource dataSource;
        private Clock clock = Clock.systemUTC();
        private boolean recoverOnOpen = true;
        private Duration lease = DEFAULT_LEASE;
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

        /** The clock of lease times on databases without a server clock (SQLite) (default: UTC system clock). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Whether the store recovers interrupted runs on opening and every lease period (default true);
         * {@link #recoverInterrupted()} is always available.
         */
        public Builder recoverOnOpen(boolean value) {
            this.recoverOnOpen = value;
            return this;
        }

        /**
         * How long a lease lasts without a heartbeat (default {@link #DEFAULT_LEASE}, 1 s to 1 day):
         * a crashed owner's runs are recovered this long after its last heartbeat. The heartbeat runs every
         * third of it, at most every second.
         */
        public Builder lease(Duration value) {
            Objects.requireNonNull(value, "lease");
            if (value.compareTo(Duration.ofSeconds(1)) < 0 || value.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("a run lease must last at least 1 second and at most 1 day, got " + value);
            }
            this.lease = value;
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
