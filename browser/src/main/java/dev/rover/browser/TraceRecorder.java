package dev.rover.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Tracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Records a Playwright trace (screenshots and DOM snapshots) of one browser context, the run's
 * recording artifact, since video recording is unavailable without Playwright's own ffmpeg.
 * Used only from the browser's owning thread.
 */
public final class TraceRecorder {

    private static final Logger log = LoggerFactory.getLogger(TraceRecorder.class);

    private final BrowserContext context;
    private boolean recording;
    private boolean deferred;
    private boolean screenshots = true;

    TraceRecorder(BrowserContext context) {
        this.context = context;
    }

    /** Starts recording; does nothing when already recording. */
    public void start() {
        if (recording) {
            return;
        }
        context.tracing().start(new Tracing.StartOptions().setScreenshots(screenshots).setSnapshots(true));
        recording = true;
        deferred = false;
    }

    /** Marks the trace as wanted but not started: {@link #startIfDeferred()} starts it. */
    void defer() {
        if (!recording) {
            deferred = true;
        }
    }

    /** Starts a deferred trace; does nothing when none is waiting (already recording, or tracing is off). */
    public void startIfDeferred() {
        if (deferred) {
            start();
        }
    }

    /** True while a wanted trace has not started yet (nothing the owner traces has happened). */
    public boolean isDeferred() {
        return deferred;
    }

    /**
     * Records without screencast frames from now on: those frames are taken by the browser as the page
     * paints and cannot be masked, so a run holding secrets keeps only DOM snapshots (which are redacted).
     * A trace in progress is restarted, dropping what it recorded so far; call this before the run's first page.
     */
    public void withoutScreenshots() {
        if (!screenshots) {
            return;
        }
        screenshots = false;
        if (recording) {
            context.tracing().stop();
            recording = false;
            start();
        }
    }

    /** True while a trace is being recorded. */
    public boolean isRecording() {
        return recording;
    }

    /**
     * Stops recording and writes the trace zip to {@code zip}.
     *
     * @return false when no trace was being recorded (nothing is written)
     */
    public boolean stopTo(Path zip) {
        deferred = false;
        if (!recording) {
            return false;
        }
        try {
            Path parent = zip.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder for trace " + zip, e);
        }
        recording = false;
        context.tracing().stop(new Tracing.StopOptions().setPath(zip));
        log.debug("trace written to {}", zip);
        return true;
    }

    /** Stops recording and discards the trace. */
    public void discard() {
        deferred = false;
        if (recording) {
            recording = false;
            context.tracing().stop();
        }
    }
}
