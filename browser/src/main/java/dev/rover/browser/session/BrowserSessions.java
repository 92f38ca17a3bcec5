package dev.rover.browser.session;

import dev.rover.browser.BrowserOptions;
import dev.rover.browser.LiveBrowser;
import dev.rover.core.run.RunId;
import dev.rover.core.run.SortableId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The registry of persistent browser sessions: creates them (timeout 60 min by default, at most
 * 24 h), finds, lists and closes them, lends each to one run at a time, and closes expired ones
 * from a daemon reaper thread. Closing the registry closes every session.
 */
public final class BrowserSessions implements AutoCloseable {

    /** The timeout of a session created without one. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(60);
    /** The longest timeout a session may have. */
    public static final Duration MAX_TIMEOUT = Duration.ofHours(24);

    private static final Logger log = LoggerFactory.getLogger(BrowserSessions.class);

    private final Function<BrowserOptions, LiveBrowser> launcher;
    private final Clock clock;
    private final ConcurrentMap<String, BrowserSession> sessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reaper;
    private volatile boolean closed;

    /** A registry launching real browsers, reaping expired sessions every 30 s. */
    public BrowserSessions() {
        this(LiveBrowser::launch, Clock.systemUTC(), Duration.ofSeconds(30));
    }

    /** A registry with its own way to launch browsers, clock and reaping interval. */
    public BrowserSessions(Function<BrowserOptions, LiveBrowser> launcher, Clock clock, Duration reapEvery) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reaper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rover-browser-session-reaper");
            t.setDaemon(true);
            return t;
        });
        long every = reapEvery.toMillis();
        reaper.scheduleWithFixedDelay(this::reapQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** Opens a browser session with the default timeout. */
    public BrowserSession create(BrowserOptions options) {
        return create(options, DEFAULT_TIMEOUT);
    }

    /**
     * Opens a browser session that closes itself after {@code timeout}.
     *
     * @throws IllegalArgumentException when the timeout is not positive or exceeds 24 hours
     */
    public BrowserSession create(BrowserOptions options, Duration timeout) {
        Duration effective = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (effective.isNegative() || effective.isZero()) {
            throw new IllegalArgumentException("a browser session timeout must be positive, not " + effective);
        }
        if (effective.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("a browser session timeout may be at most 24 hours (1440 minutes), not "
                    + effective.toMinutes() + " minutes");
        }
        if (closed) {
            throw new IllegalStateException("the browser session registry is closed");
        }
        LiveBrowser browser = launcher.apply(options);
        Instant now = clock.instant();
        BrowserSession session = new BrowserSession(SortableId.next("pbs_"), browser, now, now.plus(effective));
        sessions.put(session.id(), session);
        log.info("opened browser session {} until {}", session.id(), session.expiresAt());
        return session;
    }

    /** The open session with this id, if any. */
    public Optional<BrowserSession> get(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    /** Open sessions, oldest first. */
    public List<BrowserSession> list() {
        List<BrowserSession> all = new ArrayList<>(sessions.values());
        all.sort(Comparator.comparing(BrowserSession::createdAt).thenComparing(BrowserSession::id));
        return all;
    }

    /**
     * Lends the session to a run; it stays lent until {@link #release}.
     *
     * @throws NoSuchElementException when there is no such open session
     * @throws IllegalStateException  when another run is using it
     */
    public BrowserSession acquire(String sessionId, RunId runId) {
        Objects.requireNonNull(runId, "runId");
        BrowserSession session = require(sessionId);
        if (!session.tryAcquire(runId)) {
            RunId holder = session.inUseBy().orElse(null);
            if (runId.equals(holder)) {
                return session;
            }
            throw new IllegalStateException("browser session " + sessionId + " is in use by run " + holder);
        }
        return session;
    }

    /** Gives the session back, leaving the browser open on its current page for the next run. */
    public void release(String sessionId, RunId runId) {
        BrowserSession session = sessions.get(sessionId);
        if (session == null) {
            log.debug("release of {} by {} ignored: the session is already closed", sessionId, runId);
            return;
        }
        if (!session.release(runId)) {
            throw new IllegalStateException("browser session " + sessionId + " is not in use by run " + runId
                    + session.inUseBy().map(r -> " but by run " + r).orElse(""));
        }
    }

    /** Closes the session and its browser; false when there was no such open session. */
    public boolean close(String sessionId) {
        BrowserSession session = sessions.remove(sessionId);
        if (session == null) {
            return false;
        }
        session.browser().close();
        log.info("closed browser session {}", sessionId);
        return true;
    }

    /** Closes every session whose timeout has passed; returns how many. */
    public int reapExpired() {
        Instant now = clock.instant();
        int reaped = 0;
        for (BrowserSession session : List.copyOf(sessions.values())) {
            if (!now.isBefore(session.expiresAt())) {
                session.inUseBy().ifPresent(run ->
                        log.warn("browser session {} expired while run {} was using it", session.id(), run));
                if (close(session.id())) {
                    reaped++;
                }
            }
        }
        return reaped;
    }

    @Override
    public void close() {
        closed = true;
        reaper.shutdownNow();
        for (String id : List.copyOf(sessions.keySet())) {
            close(id);
        }
    }

    private BrowserSession require(String sessionId) {
        BrowserSession session = sessions.get(sessionId);
        if (session == null) {
            throw new NoSuchElementException("no browser session " + sessionId + " (it may have expired or been closed)");
        }
        return session;
    }

    private void reapQuietly() {
        try {
            int reaped = reapExpired();
            if (reaped > 0) {
                log.info("closed {} expired browser session(s)", reaped);
            }
        } catch (RuntimeException e) {
            log.error("the browser session reaper failed; it will try again", e);
        }
    }
}
