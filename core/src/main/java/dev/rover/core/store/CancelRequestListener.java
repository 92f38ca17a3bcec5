package dev.rover.core.store;

import dev.rover.core.run.RunId;

/**
 * Hears that another process asked to cancel a run this store instance holds the lease of, so the
 * owner can cancel it through its own cancellation path. Called on the store's heartbeat thread, once
 * per request; it must return quickly.
 */
@FunctionalInterface
public interface CancelRequestListener {

    /** Nothing listens. */
    CancelRequestListener NONE = runId -> { };

    /** Another process asked to cancel this run, which this store instance owns. */
    void cancelRequested(RunId runId);
}
