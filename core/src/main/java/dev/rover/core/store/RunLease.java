package dev.rover.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The lease an active run is held by: its owner renews {@code heartbeatAt} and {@code expiresAt}
 * while it executes the run, so any process sharing the database can tell a run someone is executing
 * from one whose owner is gone (the lease lapsed) without asking the owner's host. A cancel request
 * from another process waits here until the owner's heartbeat picks it up.
 *
 * @param owner             the owner's id ({@link RunOwner#id()})
 * @param heartbeatAt       the owner's last renewal, in the database's time
 * @param expiresAt         when the lease lapses unless renewed
 * @param cancelRequestedAt when another process asked to cancel the run, or null
 */
public record RunLease(String owner, Instant heartbeatAt, Instant expiresAt, Instant cancelRequestedAt) {

    public RunLease {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(heartbeatAt, "heartbeatAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** True when the lease is no longer valid at {@code now}. */
    public boolean lapsedAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
