package dev.rover.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.PlaywrightException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One browser context (with its current tab) and the thread that owns it. Playwright objects are not
 * thread-safe, so all work runs on the thread of the context's {@link BrowserHost}: {@link #call} from
 * any thread runs the work there and returns its result, and the {@link BrowserPage} handed to the
 * work refuses to be used from another thread. {@link #launch} starts a browser of its own;
 * {@link #shared} opens a fresh context in the browser process this JVM shares between runs.
 * {@link #close()} closes everything this object opened.
 */
public final class LiveBrowser implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveBrowser.class);
    private static final long NAVIGATION_TIMEOUT_MILLIS = 30_000;

    private final BrowserHost host;
    private final boolean sharedHost;
    private final BrowserOptions options;
    private final boolean deferTrace;
    private volatile boolean closed;
    private BrowserContext context;
    private boolean ownsContext;
    private BrowserPage page;

    private LiveBrowser(BrowserHost host, boolean sharedHost, BrowserOptions options, boolean deferTrace) {
        this.host = host;
        this.sharedHost = sharedHost;
        this.options = options;
        this.deferTrace = deferTrace;
    }

    /** Launches a Chromium of its own (or attaches over CDP when {@link BrowserOptions#cdpAddress()} is set) with these options. */
    public static LiveBrowser launch(BrowserOptions options) {
        return open(BrowserHost.start(options), false, options, false);
    }

    /**
     * A fresh context in the Chromium this JVM shares between runs (launched on first use), or a
     * browser of its own when the options attach over CDP. Closing it closes only its context.
     */
    public static LiveBrowser shared(BrowserOptions options) {
        return shared(options, false);
    }

    /**
     * Like {@link #shared(BrowserOptions)}; with {@code deferTrace}, an on-failure trace starts only when its owner
     * calls {@link TraceRecorder#startIfDeferred()} (a run's browser does so on the first work it traces), not when
     * the context opens.
     */
    public static LiveBrowser shared(BrowserOptions options, boolean deferTrace) {
        if (options.cdpAddress() != null) {
            return launch(options);
        }
        return open(SharedBrowsers.acquire(options), true, options, deferTrace);
    }

    private static LiveBrowser open(BrowserHost host, boolean sharedHost, BrowserOptions options, boolean deferTrace) {
        LiveBrowser live = new LiveBrowser(host, sharedHost, options, deferTrace);
        try {
            host.submit(() -> {
                live.openContext();
                return null;
            });
        } catch (RuntimeException e) {
            live.close();
            throw e;
        }
        return live;
    }

    /**
     * Waits until every browser shared between runs has done what it does between runs: making the next run's context
     * ahead of time. Benchmarks call it before they time other work on the same machine.
     */
    public static void settleShared() {
        SharedBrowsers.settle();
    }

    /** Launches a headless browser with the default options. */
    public static LiveBrowser launch() {
        return launch(BrowserOptions.defaults());
    }

    /** Whether this context lives in the browser process shared between runs. */
    public boolean isShared() {
        return sharedHost;
    }

    /** The options this browser was opened with. */
    public BrowserOptions options() {
        return options;
    }

    /** Runs {@code work} on the owning thread and returns its result; exceptions it throws are rethrown here. */
    public <T> T call(Function<BrowserPage, T> work) {
        if (closed) {
            throw new IllegalStateException("this browser is closed");
        }
        return host.submit(() -> {
            requireOpen();
            return work.apply(page);
        });
    }

    /** Runs {@code work} on the owning thread. */
    public void run(Consumer<BrowserPage> work) {
        call(p -> {
            work.accept(p);
            return null;
        });
    }

    /** Writes the context's cookies and localStorage (and IndexedDB) to a Playwright storage-state file. */
    public void saveStorageState(Path file) {
        run(p -> p.context().storageState(new BrowserContext.StorageStateOptions().setPath(file).setIndexedDB(true)));
    }

    /**
     * Stops the trace and writes it to {@code zip}.
     *
     * @return false when tracing was off (nothing written)
     */
    public boolean stopTracing(Path zip) {
        return call(p -> p.traces().stopTo(zip));
    }

    /** Starts a new trace, for example for the next run in a persistent session. */
    public void startTracing() {
        run(p -> p.traces().start());
    }

    /** True once {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!sharedHost) {
            try {
                host.submit(() -> {
                    discardTrace();
                    return null;
                });
            } catch (RuntimeException e) {
                log.debug("the browser was gone before its trace could be discarded: {}", e.toString());
            }
            host.stop();
            return;
        }
        try {
            host.submit(() -> {
                try {
                    discardTrace();
                    if (context != null && ownsContext) {
                        context.close();
                        host.prepareNextContext(options);
                    }
                } catch (PlaywrightException e) {
                    log.warn("error while closing the browser context: {}", firstLine(e));
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("closing the browser context failed: {}", e.toString());
        } finally {
            SharedBrowsers.release(host);
        }
    }

    private void openContext() {
        Browser browser = host.browser();
        boolean reuseDefault = options.cdpAddress() != null && options.storageState() == null && !browser.contexts().isEmpty();
        if (reuseDefault) {
            context = browser.contexts().get(0);
            ownsContext = false;
            applyTimeouts();
            if (!options.extraHttpHeaders().isEmpty()) {
                context.setExtraHTTPHeaders(options.extraHttpHeaders());
            }
        } else {
            context = host.newContext(options);
            ownsContext = true;
            applyTimeouts();
        }
        TraceRecorder traces = new TraceRecorder(context);
        if (options.tracing() && deferTrace && options.trace() == dev.rover.core.page.TraceMode.ON_FAILURE) {
            traces.defer();
        } else if (options.tracing()) {
            traces.start();
        }
        page = new BrowserPage(browser, context, options, traces);
    }

    private void applyTimeouts() {
        context.setDefaultTimeout(options.actionTimeout().toMillis());
        // Real sites need longer than one element action to load.
        context.setDefaultNavigationTimeout(Math.max(NAVIGATION_TIMEOUT_MILLIS, options.actionTimeout().toMillis()));
    }

    private void discardTrace() {
        if (page != null && page.traces().isRecording()) {
            page.traces().discard();
        }
    }

    private void requireOpen() {
        if (closed || page == null) {
            throw new IllegalStateException("this browser is closed");
        }
    }

    static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
