package dev.rover.core.store;

import dev.rover.core.run.Run;
import dev.rover.core.run.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds active runs whose owner process has gone and marks them failed, so that a crash never leaves a
 * run "running" forever. Each update is conditional on the run still being in the state that was read,
 * so a run that moved on meanwhile, or that another store recovered first, is left alone.
 */
final class InterruptedRuns {

    static final List<RunStatus> ACTIVE = List.of(RunStatus.CREATED, RunStatus.QUEUED, RunStatus.RUNNING,
            RunStatus.PAUSED);

    private static final Logger LOG = LoggerFactory.getLogger(InterruptedRuns.class);

    private final JdbcConnections db;
    private final StoredJson json;
    private final Clock clock;

    InterruptedRuns(JdbcConnections db, StoredJson json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    /** An active run's indexed columns, enough to decide whether its owner is gone. */
    private record ActiveRow(String runId, String status, RunOwner owner, String body) {
    }

    List<Run> recover() {
        List<Run> recovered = new ArrayList<>();
        for (ActiveRow row : db.read(InterruptedRuns::activeRows)) {
            if (row.owner() == null || !row.owner().isAlive()) {
                fail(row).ifPresent(recovered::add);
            }
        }
        if (!recovered.isEmpty()) {
            LOG.info("marked {} run(s) in {} failed because their process stopped while they were active: {}",
                    recovered.size(), db.description(), recovered.stream().map(r -> r.runId().value()).toList());
        }
        return List.copyOf(recovered);
    }

    private static List<ActiveRow> activeRows(Connection c) throws SQLException {
        List<ActiveRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT run_id, status, owner_pid, owner_started_at,"
                + " owner_instance, body FROM runs WHERE status IN (?, ?, ?, ?)")) {
            for (int i = 0; i < ACTIVE.size(); i++) {
                s.setString(i + 1, ACTIVE.get(i).wireName());
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long pid = rs.getLong(3);
                    RunOwner owner = null;
                    if (!rs.wasNull()) {
                        long started = rs.getLong(4);
                        Instant start = rs.wasNull() ? null : Instant.ofEpochMilli(started);
                        String instance = rs.getString(5);
                        owner = new RunOwner(pid, start, instance == null ? "" : instance);
                    }
                    rows.add(new ActiveRow(rs.getString(1), rs.getString(2), owner, rs.getString(6)));
                }
            }
        }
        return rows;
    }

    private Optional<Run> fail(ActiveRow row) {
        Run run;
        try {
            run = json.read(row.body(), Run.class, "run " + row.runId());
        } catch (StoreException e) {
            LOG.error("cannot mark interrupted run {} in {} failed: {}", row.runId(), db.description(), e.getMessage(), e);
            return Optional.empty();
        }
        Run failed = run.withStatus(RunStatus.FAILED, clock.instant()).toBuilder()
                .failureReason(JdbcRunStore.INTERRUPTED_REASON)
                .build();
        String body = json.write(failed, "run " + row.runId());
        String ownerCondition = row.owner() == null ? "owner_pid IS NULL" : "owner_pid = ?";
        int changed = db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE runs SET status = ?, owner_pid = NULL,"
                    + " owner_started_at = NULL, owner_instance = NULL, body = ? WHERE run_id = ? AND status = ? AND "
                    + ownerCondition)) {
                s.setString(1, failed.status().wireName());
                s.setString(2, body);
                s.setString(3, row.runId());
                s.setString(4, row.status());
                if (row.owner() != null) {
                    s.setLong(5, row.owner().pid());
                }
                return s.executeUpdate();
            }
        });
        if (changed == 0) {
            LOG.debug("run {} changed while being recovered; left as it is now", row.runId());
        }
        return changed == 1 ? Optional.of(failed) : Optional.empty();
    }
}
