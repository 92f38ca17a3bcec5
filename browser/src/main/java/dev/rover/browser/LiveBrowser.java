package dev.rover.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One running browser (Playwright, Browser, BrowserContext and current tab) and the thread that
 * owns it. Playwright objects are not thread-safe, so each live browser has its own dedicated
 * thread: {@link #call} from any thread runs the work there and returns its result, and the
 * {@link BrowserPage} handed to the work refuses to be used from another thread. Concurrent runs
 * use separate live browsers. {@link #close()} closes everything this object opened and stops its thread.
 */
public final class LiveBrowser implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveBrowser.class);
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static final long NAVIGATION_TIMEOUT_MILLIS = 30_000;

    private final ExecutorService thread;
    private final BrowserOptions options;
    private volatile Thread owner;
    private volatile boolean closed;
    private Playwright playwright;
    private Browser browser;
    private BrowserContext context;
    private boolean ownsContext;
    private BrowserPage page;

    private LiveBrowser(BrowserOptions options) {
        this.options = options;
        String name = "rover-browser-" + THREAD_NUMBER.incrementAndGet();
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            owner = t;
            return t;
        });
    }

    /** Launches Chromium (or attaches over CDP when {@link BrowserOptions#cdpAddress()} is set) with these options. */
    public static LiveBrowser launch(BrowserOptions options) {
        LiveBrowser live = new LiveBrowser(options);
        try {
            live.submit(() -> {
                live.open();
                return null;
            });
        } catch (RuntimeException e) {
            live.close();
            throw e;
        }
        return live;
    }

    /** Launches a headless browser with the default options. */
    public static LiveBrowser launch() {
        return launch(BrowserOptions.defaults());
    }

    /** The options this browser was opened with. */
    public BrowserOptions options() {
        return options;
    }

    /** Runs {@code work} on the owning thread and returns its result; exceptions it throws are rethrown here. */
    public <T> T call(Function<BrowserPage, T> work) {
        if (Thread.currentThread() == owner) {
            requireOpen();
            return work.apply(page);
        }
        return submit(() -> {
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
        if (Thread.currentThread() == owner) {
            // Closing from inside call(): tear down here, waiting on our own queue would deadlock.
            try {
                teardown();
            } finally {
                thread.shutdown();
            }
            return;
        }
        try {
            Future<?> teardown = thread.submit(this::teardown);
            teardown.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            log.warn("closing the browser failed: {}", e.getCause().toString());
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn("closing the browser took over 60 s; abandoning its thread");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("interrupted while closing the browser");
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("browser thread already stopped");
        } finally {
            thread.shutdownNow();
        }
    }

    private void open() {
        Optional<Path> executable = options.executablePath().or(() -> new ChromiumLocator().locate());
        boolean systemBrowser = executable.isPresent() || options.cdpAddress() != null;
        Playwright.CreateOptions create = new Playwright.CreateOptions();
        if (systemBrowser) {
            create.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
        }
        playwright = Playwright.create(create);
        if (options.cdpAddress() != null) {
            browser = connect(options.cdpAddress());
        } else {
            // A terminal's Ctrl-C reaches Playwright's driver too (same process group); the driver must not
            // close the browser then: Rover closes it after recording the canceled run (screenshot, trace).
            BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions()
                    .setHeadless(options.headless())
                    .setArgs(BrowserOptions.QUIET_FLAGS)
                    .setHandleSIGINT(false)
                    .setHandleSIGTERM(false)
                    .setHandleSIGHUP(false);
            executable.ifPresent(launch::setExecutablePath);
            if (options.proxyServer() != null) {
                launch.setProxy(options.proxyServer());
            }
            try {
                browser = playwright.chromium().launch(launch);
            } catch (PlaywrightException e) {
                throw new IllegalStateException("could not launch Chromium "
                        + executable.map(Path::toString).orElse("(Playwright's managed browser)") + ": " + firstLine(e), e);
            }
            log.debug("launched Chromium {} headless={}", browser.version(), options.headless());
        }
        boolean reuseDefault = options.cdpAddress() != null && options.storageState() == null && !browser.contexts().isEmpty();
        if (reuseDefault) {
            context = browser.contexts().get(0);
            ownsContext = false;
            applyTimeouts();
            if (!options.extraHttpHeaders().isEmpty()) {
                context.setExtraHTTPHeaders(options.extraHttpHeaders());
            }
        } else {
            context = browser.newContext(ContextOptionsFactory.from(options));
            ownsContext = true;
            applyTimeouts();
        }
        TraceRecorder traces = new TraceRecorder(context);
        if (options.tracing()) {
            traces.start();
        }
        page = new BrowserPage(browser, context, options, traces);
    }

    private void applyTimeouts() {
        context.setDefaultTimeout(options.actionTimeout().toMillis());
        // Real sites need longer than one element action to load.
        context.setDefaultNavigationTimeout(Math.max(NAVIGATION_TIMEOUT_MILLIS, options.actionTimeout().toMillis()));
    }

    private Browser connect(String address) {
        try {
            Browser connected = playwright.chromium().connectOverCDP(address);
            log.debug("attached over CDP to {} (Chromium {})", address, connected.version());
            return connected;
        } catch (PlaywrightException e) {
            throw new IllegalStateException("could not attach to the browser at " + address + ": " + firstLine(e), e);
        }
    }

    private void teardown() {
        try {
            if (page != null && page.traces().isRecording()) {
                page.traces().discard();
            }
            if (context != null && ownsContext) {
                context.close();
            }
            if (browser != null) {
                browser.close();
            }
        } catch (PlaywrightException e) {
            log.warn("error while closing the browser: {}", firstLine(e));
        } finally {
            if (playwright != null) {
                playwright.close();
            }
        }
    }

    private void requireOpen() {
        if (closed || page == null) {
            throw new IllegalStateException("this browser is closed");
        }
    }

    private <T> T submit(java.util.concurrent.Callable<T> work) {
        if (closed) {
            throw new IllegalStateException("this browser is closed");
        }
        Future<T> future = thread.submit(work);
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("browser work failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
            throw new CancellationException("interrupted while waiting for the browser thread");
        }
    }

    static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
