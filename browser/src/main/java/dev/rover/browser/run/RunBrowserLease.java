package dev.rover.browser.run;

import dev.rover.core.page.RunBrowser;
import dev.rover.browser.BrowserOptions;
import dev.rover.browser.LiveBrowser;
import dev.rover.browser.action.SecretGuard;
import dev.rover.browser.observe.ObserveOptions;
import dev.rover.browser.session.BrowserSession;
import dev.rover.browser.session.BrowserSessions;
import dev.rover.core.run.RunId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The browser of one run, opened on first use and given back at the end: a fresh context in the
 * browser process this JVM shares between runs (its own Chromium when attaching over CDP), closed
 * at the end with its trace saved as the run's recording when the trace mode keeps it, or a
 * persistent session that is released and left open on its current page for the next run.
 */
public final class RunBrowserLease implements Supplier<RunBrowser>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunBrowserLease.class);

    private final RunId runId;
    private final BrowserOptions options;
    private final BrowserSessions sessions;
    private final String sessionId;
    private final ObserveOptions observeOptions;
    private final SecretGuard guard;
    private PlaywrightRunBrowser browser;
    private boolean closed;

    /**
     * @param sessionId a persistent session to use, or null to launch a browser with {@code options}
     */
    public RunBrowserLease(RunId runId, BrowserOptions options, BrowserSessions sessions, String sessionId, ObserveOptions observeOptions) {
        this(runId, options, sessions, sessionId, observeOptions, SecretGuard.NONE);
    }

    /**
     * @param sessionId a persistent session to use, or null to launch a browser with {@code options}
     * @param guard     keeps the run's credentials on their origins; when the run holds secrets, its
     *                  recording is made without screencast frames (they cannot be masked)
     */
    public RunBrowserLease(RunId runId, BrowserOptions options, BrowserSessions sessions, String sessionId, ObserveOptions observeOptions,
                           SecretGuard guard) {
        this.guard = guard;
        this.runId = runId;
        this.options = options;
        this.sessions = sessions;
        this.sessionId = sessionId;
        this.observeOptions = observeOptions;
    }

    @Override
    public synchronized RunBrowser get() {
        if (closed) {
            throw new IllegalStateException("the browser of run " + runId + " is already closed");
        }
        if (browser == null) {
            LiveBrowser live;
            if (sessionId != null) {
                BrowserSession session = sessions.acquire(sessionId, runId);
                live = session.browser();
            } else {
                // the run's browser starts an on-failure trace with the first work that is not a script replay
                live = LiveBrowser.shared(options, true);
                if (guard.holdsSecrets()) {
                    live.run(page -> page.traces().withoutScreenshots());
                }
            }
            browser = new PlaywrightRunBrowser(live, observeOptions, guard);
        }
        return browser;
    }

    /** The browser if one was opened. */
    public synchronized Optional<RunBrowser> opened() {
        return Optional.ofNullable(browser);
    }

    /**
     * Why a run that ended this way has no recording, in words for the report; empty when it should have one.
     */
    public synchronized Optional<String> whyNoRecording(boolean completed) {
        if (sessionId != null) {
            return Optional.of("none: the run used browser session " + sessionId + ", which is not recorded per run");
        }
        if (!options.trace().records()) {
            return Optional.of("none: tracing is off (trace mode off)");
        }
        if (!options.trace().keeps(completed)) {
            return Optional.of("none: the run completed, and traces are kept only for runs that do not complete "
                    + "(trace mode on-failure; set ROVER_TRACE=always to keep every trace)");
        }
        if (browser == null) {
            return Optional.of("none: the run opened no browser");
        }
        if (browser.traceDeferred()) {
            return Optional.of("none: every block that used the browser was replayed from its script, which is not traced"
                    + " (trace mode on-failure): the script, the step screenshots and the reason record the replay;"
                    + " set ROVER_TRACE=always to trace replays too");
        }
        return Optional.empty();
    }

    /**
     * Stops the trace into {@code recording} (own browsers only), redacts every secret in it with
     * {@code redact}, and gives the browser back; the recording is written only when the trace mode
     * keeps the trace of a run that ended this way ({@code completed} or not), otherwise it is dropped.
     * A recording that cannot be redacted is deleted.
     *
     * @return true when a redacted recording was written
     * @throws UncheckedIOException when the recording was written but could not be redacted (it is deleted then)
     */
    public boolean finish(Path recording, UnaryOperator<String> redact, boolean completed) {
        boolean keep = options.trace().keeps(completed);
        if (!stop(keep ? recording : null)) {
            return false;
        }
        try {
            RecordingRedaction.redact(recording, redact);
            return true;
        } catch (IOException e) {
            // an unredacted trace may hold typed secrets: drop it rather than keep it
            try {
                Files.deleteIfExists(recording);
            } catch (IOException deleteFailure) {
                log.warn("run {}: could not delete the unredacted recording {}: {}", runId, recording, deleteFailure.toString());
            }
            throw new UncheckedIOException("the recording could not be redacted, so it was deleted: " + e.getMessage(), e);
        }
    }

    private synchronized boolean stop(Path recording) {
        if (closed) {
            return false;
        }
        closed = true;
        if (browser == null) {
            return false;
        }
        boolean recorded = false;
        try {
            if (sessionId != null) {
                sessions.release(sessionId, runId);
            } else {
                recorded = recording != null && browser.live().stopTracing(recording);
                browser.live().close();
            }
        } catch (RuntimeException e) {
            log.warn("closing the browser of run {} failed: {}", runId, e.toString());
        }
        return recorded;
    }

    @Override
    public void close() {
        stop(null);
    }
}
