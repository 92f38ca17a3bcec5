package dev.rover.core.store;

import dev.rover.core.run.RunId;
import dev.rover.core.run.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The heartbeat of one store instance: on a daemon thread it renews the leases of the active runs this
 * instance saved, picks up cancel requests other processes recorded for them (handing each to the
 * {@link CancelRequestListener} once), and, every lease period, recovers the runs of owners whose leases
 * lapsed. It only writes while it holds runs, so idle processes leave a shared SQLite file alone.
 */
final class LeaseKeeper implements AutoCloseable {

    /** The longest pause between two heartbeats, which bounds how late a cancel request is seen. */
    static final Duration MAX_HEARTBEAT = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final JdbcConnections db;
    private final DatabaseClock clock;
    private final RunOwner owner;
    private final Duration lease;
    private final InterruptedRuns recovery;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final Set<String> cancelsDelivered = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private volatile CancelRequestListener listener = CancelRequestListener.NONE;
    private Instant lastRecovery;

    /**
     * @param recovery recovers lapsed leases every lease period, or null to leave that to explicit calls
     */
    LeaseKeeper(JdbcConnections db, DatabaseClock clock, RunOwner owner, Duration lease, InterruptedRuns recovery) {
        this.db = db;
        this.clock = clock;
        this.owner = owner;
        this.lease = lease;
        this.recovery = recovery;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "rover-lease-" + owner.id());
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.timer = executor;
    }

    /** How often the heartbeat runs for a lease this long: a third of it, at most {@link #MAX_HEARTBEAT}. */
    static Duration heartbeat(Duration lease) {
        Duration third = lease.dividedBy(3);
        return third.compareTo(MAX_HEARTBEAT) < 0 ? third : MAX_HEARTBEAT;
    }

    /** Starts the heartbeat; called once the schema is in place. */
    void start() {
        lastRecovery = Instant.now();
        long every = heartbeat(lease).toMillis();
        timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    RunOwner owner() {
        return owner;
    }

    Duration lease() {
        return lease;
    }

    /** When a lease renewed at {@code now} lapses. */
    Instant expiresAt(Instant now) {
        return now.plus(lease);
    }

    /** This instance saved the run active: it renews the run's lease from now on. */
    void hold(RunId runId) {
        held.add(runId.value());
    }

    /** The run ended (or left this instance): no more renewals. */
    void release(RunId runId) {
        held.remove(runId.value());
        cancelsDelivered.remove(runId.value());
    }

    void listener(CancelRequestListener value) {
        listener = Objects.requireNonNull(value, "listener");
    }

    /** One heartbeat: renew, deliver new cancel requests, recover lapsed leases when due. Never throws. */
    void tick() {
        try {
            if (!held.isEmpty()) {
                List<RunId> cancels = db.write(this::renewAndReadCancels);
                CancelRequestListener current = listener;
                for (RunId id : cancels) {
                    if (held.contains(id.value()) && cancelsDelivered.add(id.value())) {
                        LOG.info("run {} was asked to cancel through the store; canceling it", id);
                        deliver(current, id);
                    }
                }
            }
            recoverWhenDue();
        } catch (RuntimeException e) {
            // a failed heartbeat must not end the schedule; the next one tries again
            LOG.warn("heartbeat of run store owner {} on {} failed: {}", owner, db.description(), e.getMessage(), e);
        }
    }

    private List<RunId> renewAndReadCancels(Connection c) throws SQLException {
        Instant now = clock.now(c);
        String active = InterruptedRuns.activePlaceholders();
        try (PreparedStatement renew = c.prepareStatement("UPDATE runs SET lease_heartbeat_at = ?, lease_expires_at = ?"
                + " WHERE lease_owner = ? AND status IN " + active)) {
            renew.setLong(1, now.toEpochMilli());
            renew.setLong(2, expiresAt(now).toEpochMilli());
            renew.setString(3, owner.id());
            InterruptedRuns.bindActive(renew, 4);
            renew.executeUpdate();
        }
        List<RunId> cancels = new ArrayList<>();
        try (PreparedStatement read = c.prepareStatement("SELECT run_id FROM runs WHERE lease_owner = ?"
                + " AND cancel_requested_at IS NOT NULL AND status IN " + active)) {
            read.setString(1, owner.id());
            InterruptedRuns.bindActive(read, 2);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    cancels.add(RunId.of(rs.getString(1)));
                }
            }
        }
        return cancels;
    }

    /** Records a cancel request on an active run; false when the run is unknown or no longer active. */
    boolean requestCancel(RunId runId) {
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE runs SET cancel_requested_at = ? WHERE run_id = ?"
                    + " AND status IN " + InterruptedRuns.activePlaceholders())) {
                s.setLong(1, clock.now(c).toEpochMilli());
                s.setString(2, runId.value());
                InterruptedRuns.bindActive(s, 3);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** The lease an active run is held by, as stored. */
    Optional<RunLease> lease(RunId runId) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT lease_owner, lease_heartbeat_at, lease_expires_at,"
                    + " cancel_requested_at FROM runs WHERE run_id = ? AND lease_owner IS NOT NULL")) {
                s.setString(1, runId.value());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long cancel = rs.getLong(4);
                    Instant cancelAt = rs.wasNull() ? null : Instant.ofEpochMilli(cancel);
                    return Optional.of(new RunLease(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                            Instant.ofEpochMilli(rs.getLong(3)), cancelAt));
                }
            }
        });
    }

    private void deliver(CancelRequestListener current, RunId id) {
        try {
            current.cancelRequested(id);
        } catch (RuntimeException e) {
            LOG.warn("canceling run {} on request failed: {}", id, e.getMessage(), e);
        }
    }

    private void recoverWhenDue() {
        if (recovery == null) {
            return;
        }
        Instant now = Instant.now();
        if (lastRecovery == null || !now.isBefore(lastRecovery.plus(lease))) {
            lastRecovery = now;
            recovery.recover();
        }
    }

    /** Stops the heartbeat; leases still held lapse on their own, which is what lets others recover them. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            if (!timer.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("the heartbeat of run store owner {} did not stop within 5 s", owner);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Statuses whose runs hold a lease. */
    static boolean holdsLease(RunStatus status) {
        return InterruptedRuns.ACTIVE.contains(status);
    }
}
