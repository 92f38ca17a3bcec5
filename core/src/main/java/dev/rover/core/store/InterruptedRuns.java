package dev.rover.core.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rover.core.run.PausedRun;
import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import dev.rover.core.run.TimelineEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds active runs whose lease lapsed (their owner stopped renewing it, on whatever host it ran) and
 * marks them failed, so that a crash never leaves a run "running" forever. A run paused for a person is the
 * exception: it stays {@code paused} (any process can continue it with a decision) until the {@code timeout_at}
 * of its wait, and is then ended {@code timed_out} by whichever process looks first. A recovered run keeps every
 * artifact written so far; its timeline entries still open are closed, and the run and those entries end
 * at the owner's last heartbeat, the last moment anyone knew the run was alive. Each update is conditional
 * on the row still holding the lease that was read, so a run whose owner renewed meanwhile, or that
 * another store recovered first, is left alone.
 */
final class InterruptedRuns {

    static final List<RunStatus> ACTIVE = List.of(RunStatus.CREATED, RunStatus.QUEUED, RunStatus.RUNNING,
            RunStatus.PAUSED);

    private static final Logger LOG = LoggerFactory.getLogger(InterruptedRuns.class);
    private static final TypeReference<List<TimelineEntry>> TIMELINE = new TypeReference<>() { };
    private static final String ENTRY_STATUS = "failed";
    /** Why a paused run whose process stopped ends when its wait's timeout passes. */
    static final String TIMED_OUT_REASON = "nobody approved or rejected the paused run before its timeout";

    private final JdbcConnections db;
    private final StoredJson json;
    private final DatabaseClock clock;

    InterruptedRuns(JdbcConnections db, StoredJson json, DatabaseClock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    /** {@code (?, ?, ?, ?)}: one placeholder per active status. */
    static String activePlaceholders() {
        return "(" + "?, ".repeat(ACTIVE.size() - 1) + "?)";
    }

    /** Binds the active statuses from parameter {@code from} on. */
    static void bindActive(PreparedStatement s, int from) throws SQLException {
        for (int i = 0; i < ACTIVE.size(); i++) {
            s.setString(from + i, ACTIVE.get(i).wireName());
        }
    }

    /** An active run's lease columns, as read: the recovery only applies while they are unchanged. */
    private record ActiveRow(String runId, String status, String owner, Long heartbeatAt, Long expiresAt, String body) {
    }

    List<Run> recover() {
        List<Run> recovered = new ArrayList<>();
        Instant now = db.read(clock::now);
        for (ActiveRow row : db.read(InterruptedRuns::activeRows)) {
            if (row.expiresAt() == null || !Instant.ofEpochMilli(row.expiresAt()).isAfter(now)) {
                recoverOne(row, now).ifPresent(recovered::add);
            }
        }
        if (!recovered.isEmpty()) {
            LOG.info("ended {} run(s) in {} because their owner's lease lapsed while they were active: {}",
                    recovered.size(), db.description(), recovered.stream().map(r -> r.runId().value()).toList());
        }
        return List.copyOf(recovered);
    }

    private static List<ActiveRow> activeRows(Connection c) throws SQLException {
        List<ActiveRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT run_id, status, lease_owner, lease_heartbeat_at,"
                + " lease_expires_at, body FROM runs WHERE status IN " + activePlaceholders())) {
            bindActive(s, 1);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ActiveRow(rs.getString(1), rs.getString(2), rs.getString(3), longOrNull(rs, 4),
                            longOrNull(rs, 5), rs.getString(6)));
                }
            }
        }
        return rows;
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Fails an interrupted run; a paused one is left paused until its wait's timeout, then timed out. */
    private Optional<Run> recoverOne(ActiveRow row, Instant now) {
        Run run;
        try {
            run = json.read(row.body(), Run.class, "run " + row.runId());
        } catch (StoreException e) {
            LOG.error("cannot mark interrupted run {} in {} failed: {}", row.runId(), db.description(), e.getMessage(), e);
            return Optional.empty();
        }
        if (run.status() == RunStatus.PAUSED) {
            Optional<Instant> timeoutAt = PausedRun.timeoutAt(run);
            if (timeoutAt.isPresent()) {
                if (timeoutAt.get().isAfter(now)) {
                    return Optional.empty(); // still waiting for a person; any process can continue it
                }
                return end(run, row, RunStatus.TIMED_OUT, timeoutAt.get(), TIMED_OUT_REASON + " at " + timeoutAt.get()
                        + " (the process that paused it had stopped)");
            }
        }
        return end(run, row, RunStatus.FAILED, endOf(run, row, now), JdbcRunStore.INTERRUPTED_REASON);
    }

    private Optional<Run> end(Run run, ActiveRow row, RunStatus status, Instant end, String reason) {
        Run failed = run.withStatus(status, end).toBuilder()
                .failureReason(reason)
                .build();
        String body = json.write(failed, "run " + row.runId());
        int changed = db.write(c -> {
            int updated;
            try (PreparedStatement s = c.prepareStatement("UPDATE runs SET status = ?, lease_owner = NULL,"
                    + " lease_heartbeat_at = NULL, lease_expires_at = NULL, body = ?"
                    + " WHERE run_id = ? AND status = ? AND " + sameLease(row))) {
                s.setString(1, failed.status().wireName());
                s.setString(2, body);
                s.setString(3, row.runId());
                s.setString(4, row.status());
                int next = 5;
                if (row.owner() != null) {
                    s.setString(next++, row.owner());
                }
                if (row.expiresAt() != null) {
                    s.setLong(next, row.expiresAt());
                }
                updated = s.executeUpdate();
            }
            if (updated == 1) {
                closeTimeline(c, row.runId(), end, status == RunStatus.TIMED_OUT ? "timed_out" : ENTRY_STATUS, reason);
            }
            return updated;
        });
        if (changed == 0) {
            LOG.debug("run {} changed while being recovered; left as it is now", row.runId());
        }
        return changed == 1 ? Optional.of(failed) : Optional.empty();
    }

    private static String sameLease(ActiveRow row) {
        return (row.owner() == null ? "lease_owner IS NULL" : "lease_owner = ?")
                + " AND " + (row.expiresAt() == null ? "lease_expires_at IS NULL" : "lease_expires_at = ?");
    }

    /** The last heartbeat; never before the run's own timestamps; now for a run that never had a lease. */
    private static Instant endOf(Run run, ActiveRow row, Instant now) {
        Instant end = row.heartbeatAt() != null ? Instant.ofEpochMilli(row.heartbeatAt()) : now;
        for (Instant t : new Instant[] {run.createdAt(), run.queuedAt(), run.startedAt()}) {
            if (t != null && t.isAfter(end)) {
                end = t;
            }
        }
        return end;
    }

    private void closeTimeline(Connection c, String runId, Instant end, String status, String reason) throws SQLException {
        String stored;
        try (PreparedStatement s = c.prepareStatement("SELECT body FROM timelines WHERE run_id = ?")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                stored = rs.getString(1);
            }
        }
        List<TimelineEntry> timeline;
        try {
            timeline = json.read(stored, TIMELINE, "the timeline of run " + runId);
        } catch (StoreException e) {
            LOG.error("the timeline of interrupted run {} in {} is left as it was: {}", runId, db.description(),
                    e.getMessage(), e);
            return;
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE timelines SET body = ? WHERE run_id = ?")) {
            s.setString(1, json.write(closeAll(timeline, end, status, reason), "the timeline of run " + runId));
            s.setString(2, runId);
            s.executeUpdate();
        }
    }

    /** The entries with every one still open (no finish time) ended failed at {@code end}, children first. */
    static List<TimelineEntry> closeAll(List<TimelineEntry> entries, Instant end) {
        return closeAll(entries, end, ENTRY_STATUS, JdbcRunStore.INTERRUPTED_REASON);
    }

    /** The entries with every one still open ended with this status and reason at {@code end}, children first. */
    static List<TimelineEntry> closeAll(List<TimelineEntry> entries, Instant end, String status, String reason) {
        List<TimelineEntry> closed = new ArrayList<>(entries.size());
        for (TimelineEntry entry : entries) {
            List<TimelineEntry> children = closeAll(entry.children(), end, status, reason);
            TimelineEntry withChildren = new TimelineEntry(entry.type(), entry.label(), entry.status(), entry.output(),
                    entry.failureReason(), entry.reasoning(), entry.startedAt(), entry.finishedAt(), entry.artifactIds(),
                    children);
            if (entry.finishedAt() == null) {
                Instant at = entry.startedAt() != null && entry.startedAt().isAfter(end) ? entry.startedAt() : end;
                withChildren = withChildren.finished(status, entry.output(), reason, at);
            }
            closed.add(withChildren);
        }
        return closed;
    }
}
