package dev.rover.browser.session;

import dev.rover.browser.LiveBrowser;
import dev.rover.core.run.RunId;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A browser kept open between runs ({@code pbs_...}), so a later run continues from the page an
 * earlier one left. At most one run uses it at a time; {@link BrowserSessions} hands it out and closes it when it expires.
 */
public final class BrowserSession {

    private final String id;
    private final LiveBrowser browser;
    private final Instant createdAt;
    private final Instant expiresAt;
    private final AtomicReference<RunId> user = new AtomicReference<>();

    BrowserSession(String id, LiveBrowser browser, Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.browser = browser;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** The session id, {@code pbs_...}. */
    public String id() {
        return id;
    }

    /** The live browser; use it through {@link LiveBrowser#call}. */
    public LiveBrowser browser() {
        return browser;
    }

    /** When the session was created. */
    public Instant createdAt() {
        return createdAt;
    }

    /** When the reaper closes it. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** The run using the session now, if any. */
    public Optional<RunId> inUseBy() {
        return Optional.ofNullable(user.get());
    }

    boolean tryAcquire(RunId runId) {
        return user.compareAndSet(null, runId);
    }

    boolean release(RunId runId) {
        return user.compareAndSet(runId, null);
    }

    @Override
    public String toString() {
        return "BrowserSession[" + id + ", expires " + expiresAt + inUseBy().map(r -> ", in use by " + r).orElse("") + "]";
    }
}
