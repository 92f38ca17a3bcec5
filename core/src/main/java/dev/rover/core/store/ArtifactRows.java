package dev.rover.core.store;

import dev.rover.core.run.ArtifactRecord;
import dev.rover.core.run.ArtifactType;
import dev.rover.core.run.RunId;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The artifact records of a {@link JdbcRunStore}: one row each, numbered in the order recorded per run. */
final class ArtifactRows {

    private final JdbcConnections db;
    private final StoredJson json;

    ArtifactRows(JdbcConnections db, StoredJson json) {
        this.db = db;
        this.json = json;
    }

    /** Records an artifact; recording the same artifact id again replaces it and keeps its place in the order. */
    void add(ArtifactRecord artifact) {
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

    /** The run's artifacts in the order recorded, only of these types when any are given. */
    List<ArtifactRecord> ofRun(RunId id, Set<ArtifactType> types) {
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

    /** One artifact by id. */
    Optional<ArtifactRecord> byId(String artifactId) {
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

    private static void setMillis(PreparedStatement s, int index, Instant instant) throws SQLException {
        if (instant == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, instant.toEpochMilli());
        }
    }
}
