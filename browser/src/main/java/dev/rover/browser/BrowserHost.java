package dev.rover.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Playwright (one Node driver), the Chromium it launched or attached to, and the single thread
 * that owns both, since Playwright objects are not thread-safe. A {@link LiveBrowser} runs its work
 * on its host's thread; several live browsers may share one host, each with its own context.
 */
final class BrowserHost {

    private static final Logger log = LoggerFactory.getLogger(BrowserHost.class);
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final ExecutorService thread;
    private volatile Thread owner;
    private volatile boolean stopped;
    private volatile boolean stopping;
    private Playwright playwright;
    private Browser browser;
    private final WarmContext warm = new WarmContext();

    private BrowserHost() {
        String name = "rover-browser-" + THREAD_NUMBER.incrementAndGet();
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            owner = t;
            return t;
        });
    }

    /** Starts a host: its thread, a Playwright, and Chromium launched with these options (or attached over CDP). */
    static BrowserHost start(BrowserOptions options) {
        BrowserHost host = new BrowserHost();
        try {
            host.submit(() -> {
                host.open(options);
                return null;
            });
        } catch (RuntimeException e) {
            host.stop();
            throw e;
        }
        return host;
    }

    /** The browser; use it on the host's thread only. */
    Browser browser() {
        return browser;
    }

    /** A fresh context for these options, made ahead of time when one fits ({@link WarmContext}); on the host's thread only. */
    com.microsoft.playwright.BrowserContext newContext(BrowserOptions options) {
        return warm.take(browser, options);
    }

    /**
     * Called when a run's context has closed: makes the next run's context on the host's thread, after the work
     * queued there, without holding up the caller ({@link WarmContext#prepare}).
     */
    void prepareNextContext(BrowserOptions options) {
        if (stopping) {
            return;
        }
        try {
            // submitted, not executed: whatever it throws stays in its future, and the thread that owns every
            // Playwright object of this host lives on
            thread.submit(() -> {
                if (!stopping) {
                    warm.prepare(browser, options);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("browser thread stopped; no context made ahead of time");
        }
    }

    /** Waits until the work queued on the host's thread, a context being made ahead of time included, is done. */
    void settle() {
        submit(() -> null);
    }

    /** The context made ahead of time for the next run, if one is ready (on the host's thread only). */
    java.util.Optional<com.microsoft.playwright.BrowserContext> warmContext() {
        return warm.ready();
    }

    /** Whether the caller is the host's thread. */
    boolean isOwnerThread() {
        return Thread.currentThread() == owner;
    }

    /** Whether the browser still runs (checked on the host's thread). */
    boolean isAlive() {
        if (stopped) {
            return false;
        }
        try {
            return submit(() -> browser != null && browser.isConnected());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void open(BrowserOptions options) {
        Optional<Path> executable = options.executablePath().or(() -> new ChromiumLocator().locate());
        boolean systemBrowser = executable.isPresent() || options.cdpAddress() != null;
        Playwright.CreateOptions create = new Playwright.CreateOptions();
        if (systemBrowser) {
            // Playwright's own browsers are not needed: its driver can come from the installation's cache
            DriverCache.prepare();
            create.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
        }
        playwright = Playwright.create(create);
        if (options.cdpAddress() != null) {
            try {
                browser = playwright.chromium().connectOverCDP(options.cdpAddress());
                log.debug("attached over CDP to {} (Chromium {})", options.cdpAddress(), browser.version());
            } catch (PlaywrightException e) {
                throw new IllegalStateException("could not attach to the browser at " + options.cdpAddress() + ": "
                        + LiveBrowser.firstLine(e), e);
            }
            return;
        }
        // A terminal's Ctrl-C reaches Playwright's driver too (same process group); the driver must not
        // close the browser then: Rover closes it after recording the canceled run (screenshot, trace).
        BrowserType.LaunchOptions launch = new BrowserType.LaunchOptions()
                .setHeadless(options.headless())
                .setArgs(launchArgs(options))
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
                    + executable.map(Path::toString).orElse("(Playwright's managed browser)") + ": " + LiveBrowser.firstLine(e), e);
        }
        log.debug("launched Chromium {} headless={}", browser.version(), options.headless());
    }

    private static java.util.List<String> launchArgs(BrowserOptions options) {
        java.util.List<String> args = new java.util.ArrayList<>(BrowserOptions.QUIET_FLAGS);
        args.addAll(options.launchArgs());
        return args;
    }

    /** Runs {@code work} on the host's thread (directly when already there) and returns its result. */
    <T> T submit(Callable<T> work) {
        if (isOwnerThread()) {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("browser work failed: " + e, e);
            }
        }
        if (stopped) {
            throw new IllegalStateException("this browser is closed");
        }
        Future<T> future;
        try {
            future = thread.submit(work);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new IllegalStateException("this browser is closed", e);
        }
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

    /** Closes the browser (detaches from a CDP one) and the driver, then stops the thread. */
    void stop() {
        if (stopped) {
            return;
        }
        stopping = true;
        if (isOwnerThread()) {
            try {
                teardown();
            } finally {
                stopped = true;
                thread.shutdown();
            }
            return;
        }
        try {
            Future<?> teardown = thread.submit(this::teardown);
            teardown.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            log.warn("closing the browser failed: {}", e.getCause().toString());
        } catch (TimeoutException e) {
            log.warn("closing the browser took over 60 s; abandoning its thread");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("interrupted while closing the browser");
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("browser thread already stopped");
        } finally {
            stopped = true;
            thread.shutdownNow();
        }
    }

    private void teardown() {
        try {
            warm.close();
            if (browser != null) {
                browser.close();
            }
        } catch (PlaywrightException e) {
            log.warn("error while closing the browser: {}", LiveBrowser.firstLine(e));
        } finally {
            if (playwright != null) {
                playwright.close();
            }
        }
    }
}
