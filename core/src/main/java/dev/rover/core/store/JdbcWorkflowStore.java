package dev.rover.core.store;

import dev.rover.core.run.SortableId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link WorkflowStore} in the run database's {@code workflows} table (schema version 3), on the
 * same connections as the {@link JdbcRunStore} that hands it out, so SQLite and PostgreSQL both work and
 * every process sharing the database sees the same workflows. A row per version; deletion stamps
 * {@code deleted_at} on every version instead of removing them.
 */
final class JdbcWorkflowStore implements WorkflowStore {

    private static final String COLUMNS = "workflow_permanent_id, version, title, format, definition, created_at";

    private final JdbcConnections db;
    private final Clock clock;

    JdbcWorkflowStore(JdbcConnections db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public StoredWorkflow create(String title, String format, String definition) {
        StoredWorkflow workflow = new StoredWorkflow(SortableId.next("wpid_", clock), 1, title, format, definition, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        db.write(c -> {
            insert(c, workflow);
            return null;
        });
        return workflow;
    }

    @Override
    public Optional<StoredWorkflow> update(String workflowPermanentId, String title, String format, String definition) {
        Objects.requireNonNull(workflowPermanentId, "workflowPermanentId");
        return db.write(c -> {
            Optional<StoredWorkflow> current = latest(c, workflowPermanentId);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            StoredWorkflow next = new StoredWorkflow(workflowPermanentId, current.get().version() + 1, title, format, definition,
                    clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            insert(c, next);
            return Optional.of(next);
        });
    }

    @Override
    public Optional<StoredWorkflow> latest(String workflowPermanentId) {
        return db.read(c -> latest(c, workflowPermanentId));
    }

    @Override
    public Optional<StoredWorkflow> version(String workflowPermanentId, int version) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM workflows"
                    + " WHERE workflow_permanent_id = ? AND version = ? AND deleted_at IS NULL")) {
                s.setString(1, workflowPermanentId);
                s.setInt(2, version);
                List<StoredWorkflow> found = rows(s);
                return found.stream().findFirst();
            }
        });
    }

    @Override
    public List<StoredWorkflow> versions(String workflowPermanentId) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM workflows"
                    + " WHERE workflow_permanent_id = ? AND deleted_at IS NULL ORDER BY version")) {
                s.setString(1, workflowPermanentId);
                return rows(s);
            }
        });
    }

    @Override
    public List<StoredWorkflow> list() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM workflows w"
                    + " WHERE deleted_at IS NULL AND version = (SELECT MAX(version) FROM workflows v"
                    + " WHERE v.workflow_permanent_id = w.workflow_permanent_id)"
                    + " ORDER BY created_at DESC, workflow_permanent_id DESC")) {
                return rows(s);
            }
        });
    }

    @Override
    public boolean delete(String workflowPermanentId) {
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE workflows SET deleted_at = ? WHERE workflow_permanent_id = ? AND deleted_at IS NULL")) {
                s.setLong(1, clock.millis());
                s.setString(2, workflowPermanentId);
                return s.executeUpdate() > 0;
            }
        });
    }

    private static Optional<StoredWorkflow> latest(Connection c, String workflowPermanentId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM workflows"
                + " WHERE workflow_permanent_id = ? AND deleted_at IS NULL ORDER BY version DESC")) {
            s.setString(1, workflowPermanentId);
            s.setMaxRows(1);
            return rows(s).stream().findFirst();
        }
    }

    private static void insert(Connection c, StoredWorkflow w) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO workflows (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, w.workflowPermanentId());
            s.setInt(2, w.version());
            s.setString(3, w.title());
            s.setString(4, w.format());
            s.setString(5, w.definition());
            s.setLong(6, w.createdAt().toEpochMilli());
            s.executeUpdate();
        }
    }

    private static List<StoredWorkflow> rows(PreparedStatement s) throws SQLException {
        List<StoredWorkflow> found = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                found.add(new StoredWorkflow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        Instant.ofEpochMilli(rs.getLong(6))));
            }
        }
        return List.copyOf(found);
    }
}
