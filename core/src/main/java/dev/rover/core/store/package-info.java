/**
 * Where runs are kept: the {@link dev.rover.core.store.RunStore} interface, the JDBC store on embedded
 * SQLite (default, {@code <home>/rover.db}) or PostgreSQL shared by several processes and hosts
 * ({@link dev.rover.core.store.JdbcRunStore}, one JDBC code path, the differences in a small
 * {@code SqlDialect}), the in-memory store for tests, and artifact files in the data directory.
 * <p>
 * Several processes, one store: an active run is held by a {@link dev.rover.core.store.RunLease} of the
 * store instance that saved it ({@link dev.rover.core.store.RunOwner}); that instance's heartbeat
 * ({@code LeaseKeeper}) renews it at most every second. Lease times come from the database server's
 * clock where there is one, so hosts with skewed clocks agree. A run whose lease lapsed is recovered as
 * failed/interrupted ({@code InterruptedRuns}) by whichever store notices first, keeping its artifacts,
 * closing its open timeline entries and ending at the last heartbeat. A cancel request for a run of
 * another process is a column the owner's heartbeat reads, handing it to a
 * {@link dev.rover.core.store.CancelRequestListener} that cancels the run through the owner's own path.
 */
package dev.rover.core.store;
