package dev.rover.browser;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The browser processes runs of this JVM share: one {@link BrowserHost} (one Node driver, one
 * Chromium, one owning thread) per launch configuration (executable, headless, proxy), each run in a
 * fresh context of it. A host nobody uses is closed after {@link #IDLE_TIMEOUT}, so back-to-back runs
 * skip the launch and an idle process holds no browser; a host whose browser died is replaced. Once a host
 * has served two runs it makes the next run's context between runs ({@link WarmContext}).
 */
final class SharedBrowsers {

    /** How long an unused shared browser stays open for the next run. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(SharedBrowsers.class);
    private static final Map<Key, Entry> HOSTS = new HashMap<>();
    private static final ScheduledExecutorService REAPER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rover-shared-browser-reaper");
        t.setDaemon(true);
        return t;
    });

    private SharedBrowsers() {
    }

    private record Key(Path executable, boolean headless, String proxy, java.util.List<String> launchArgs) {
    }

    private static final class Entry {
        final BrowserHost host;
        int users;
        ScheduledFuture<?> idleClose;

        Entry(BrowserHost host) {
            this.host = host;
        }
    }

    /** A host for these options, started when none runs; give it back with {@link #release}. */
    static BrowserHost acquire(BrowserOptions options) {
        Key key = new Key(options.executablePath().or(() -> new ChromiumLocator().locate()).orElse(null),
                options.headless(), options.proxyServer(), options.launchArgs());
        Entry entry;
        synchronized (HOSTS) {
            entry = HOSTS.get(key);
            if (entry != null) {
                entry.users++;
                if (entry.idleClose != null) {
                    entry.idleClose.cancel(false);
                    entry.idleClose = null;
                }
            }
        }
        if (entry != null) {
            if (entry.host.isAlive()) {
                return entry.host;
            }
            log.warn("the shared browser stopped running; starting a new one");
            synchronized (HOSTS) {
                HOSTS.remove(key, entry);
            }
            entry.host.stop();
        }
        // launched outside the lock: a slow launch must not hold up runs of other configurations
        BrowserHost started = BrowserHost.start(options);
        synchronized (HOSTS) {
            Entry existing = HOSTS.get(key);
            if (existing == null) {
                Entry fresh = new Entry(started);
                fresh.users = 1;
                HOSTS.put(key, fresh);
                return started;
            }
            existing.users++;
            if (existing.idleClose != null) {
                existing.idleClose.cancel(false);
                existing.idleClose = null;
            }
            // two runs launched at once: keep the first browser, close ours
            BrowserHost winner = existing.host;
            REAPER.execute(started::stop);
            return winner;
        }
    }

    /** Gives a host back; the last user leaves it open for {@link #IDLE_TIMEOUT}. */
    static void release(BrowserHost host) {
        synchronized (HOSTS) {
            for (Map.Entry<Key, Entry> e : HOSTS.entrySet()) {
                Entry entry = e.getValue();
                if (entry.host != host) {
                    continue;
                }
                entry.users = Math.max(0, entry.users - 1);
                if (entry.users == 0 && entry.idleClose == null) {
                    Key key = e.getKey();
                    entry.idleClose = REAPER.schedule(() -> closeIfIdle(key, entry), IDLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
                return;
            }
        }
    }

    /** Waits until every open shared browser has done the work queued on its thread ({@link BrowserHost#settle}). */
    static void settle() {
        java.util.List<BrowserHost> hosts;
        synchronized (HOSTS) {
            hosts = HOSTS.values().stream().map(e -> e.host).toList();
        }
        for (BrowserHost host : hosts) {
            try {
                host.settle();
            } catch (RuntimeException e) {
                log.debug("a shared browser closed while settling: {}", e.toString());
            }
        }
    }

    /** How many shared browsers are open now. */
    static int open() {
        synchronized (HOSTS) {
            return HOSTS.size();
        }
    }

    private static void closeIfIdle(Key key, Entry entry) {
        synchronized (HOSTS) {
            if (entry.users > 0 || !HOSTS.remove(key, entry)) {
                return;
            }
        }
        entry.host.stop();
        log.debug("closed the idle shared browser");
    }
}
