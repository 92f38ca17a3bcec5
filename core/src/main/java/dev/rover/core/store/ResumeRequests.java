package dev.rover.core.store;

import dev.rover.core.run.HumanDecision;
import dev.rover.core.run.RunId;
import dev.rover.core.run.RunStatus;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code resume_request} column of the runs table: a person's decision on a paused run, written by any
 * process and taken (read and cleared in one transaction) by the run's owner, so it is acted on once.
 */
final class ResumeRequests {

    /** Comments beyond this are cut so the column stays small. */
    static final int MAX_STORED = 3000;

    private final JdbcConnections db;

    ResumeRequests(JdbcConnections db) {
        this.db = db;
    }

    /** Records the decision if the run is paused; false for an unknown or not paused run. */
    boolean request(RunId id, HumanDecision decision) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(decision, "decision");
        String wire = decision.toWire();
        String stored = wire.length() > MAX_STORED ? wire.substring(0, MAX_STORED) : wire;
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE runs SET resume_request = ? WHERE run_id = ? AND status = ?")) {
                s.setString(1, stored);
                s.setString(2, id.value());
                s.setString(3, RunStatus.PAUSED.wireName());
                return s.executeUpdate() == 1;
            }
        });
    }

    /**
     * Takes over a paused run whose owner's lease lapsed (its process stopped): the lease becomes {@code owner}'s
     * in one conditional update, so of several processes trying at once exactly one gets it.
     */
    boolean claimOrphan(RunId id, String owner, DatabaseClock clock, java.util.function.UnaryOperator<java.time.Instant> expiry) {
        Objects.requireNonNull(id, "id");
        return db.write(c -> {
            java.time.Instant now = clock.now(c);
            try (PreparedStatement s = c.prepareStatement("UPDATE runs SET lease_owner = ?, lease_heartbeat_at = ?,"
                    + " lease_expires_at = ? WHERE run_id = ? AND status = ? AND (lease_expires_at IS NULL OR lease_expires_at <= ?)")) {
                s.setString(1, owner);
                s.setLong(2, now.toEpochMilli());
                s.setLong(3, expiry.apply(now).toEpochMilli());
                s.setString(4, id.value());
                s.setString(5, RunStatus.PAUSED.wireName());
                s.setLong(6, now.toEpochMilli());
                return s.executeUpdate() == 1;
            }
        });
    }

    /**
     * The recorded decision, cleared so the next call sees nothing until a new one is recorded. Polling
     * only reads; the clearing write happens when there is a decision, and only the caller whose write
     * cleared it gets it.
     */
    Optional<HumanDecision> take(RunId id) {
        Objects.requireNonNull(id, "id");
        String wire = db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT resume_request FROM runs WHERE run_id = ?")) {
                s.setString(1, id.value());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (wire == null) {
            return Optional.empty();
        }
        boolean cleared = db.write(c -> {
            try (PreparedStatement clear = c.prepareStatement(
                    "UPDATE runs SET resume_request = NULL WHERE run_id = ? AND resume_request = ?")) {
                clear.setString(1, id.value());
                clear.setString(2, wire);
                return clear.executeUpdate() == 1;
            }
        });
        return cleared ? Optional.of(HumanDecision.fromWire(wire)) : Optional.empty();
    }
}
