package dev.rover.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.PlaywrightException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The next run's browser context, made ahead of time. A fresh context and its first tab (a new renderer process)
 * are the largest fixed cost of a short run, 100-150 ms on two cores, and a process that runs one workflow after
 * another paid it at the start of each. Once a shared browser has served two runs, it makes one context with its
 * tab between runs, when a run's context has closed, and the next run whose options make the same context
 * ({@link ContextOptionsFactory.Identity}) takes it. The context is new and unused, so nothing of an earlier run is
 * in it; a run with other options, or with a storage-state file, gets a context made for it, as before. A browser
 * that served one run only (a process that runs once and exits) makes none. Use on the browser's owning thread.
 */
final class WarmContext {

    /** How many contexts a browser opens before it starts making the next one ahead of time. */
    static final int CONTEXTS_BEFORE_WARMING = 2;

    private static final Logger log = LoggerFactory.getLogger(WarmContext.class);

    private int opened;
    private ContextOptionsFactory.Identity identity;
    private BrowserContext context;

    /**
     * A fresh context for these options: the one made ahead of time when it fits, else a new one (the one made ahead
     * stays for a run it fits; the next {@link #prepare} replaces it, between runs).
     */
    BrowserContext take(Browser browser, BrowserOptions options) {
        opened++;
        if (context != null && !untouched(browser, context)) {
            close();
        }
        if (context != null && ContextOptionsFactory.identity(options).filter(identity::equals).isPresent()) {
            BrowserContext ready = context;
            context = null;
            identity = null;
            return ready;
        }
        return browser.newContext(ContextOptionsFactory.from(options));
    }

    /**
     * Makes the next context for these options, unless one for them is ready, the browser served one run only, or
     * the options cannot be reused; one ready for other options is closed first (the last run's options are the
     * likeliest next).
     */
    void prepare(Browser browser, BrowserOptions options) {
        Optional<ContextOptionsFactory.Identity> wanted = ContextOptionsFactory.identity(options);
        if (opened < CONTEXTS_BEFORE_WARMING || wanted.isEmpty() || browser == null || !browser.isConnected()
                || wanted.get().equals(identity)) {
            return;
        }
        close();
        BrowserContext made = null;
        try {
            made = browser.newContext(ContextOptionsFactory.from(options));
            // the tab and the DevTools session Rover reads pages through, both of which a run opens first
            DevToolsCalls.session(made.newPage());
            context = made;
            identity = wanted.get();
        } catch (PlaywrightException e) {
            log.debug("could not make the next run's context ahead of time: {}", LiveBrowser.firstLine(e));
            if (made != null) {
                discard(made);
            }
        }
    }

    /** The context made ahead of time, if one is ready. */
    Optional<BrowserContext> ready() {
        return Optional.ofNullable(context);
    }

    /** Closes the context made ahead of time, if any. */
    void close() {
        if (context != null) {
            discard(context);
            context = null;
            identity = null;
        }
    }

    /** Still open, with just the one blank tab it was made with. */
    private static boolean untouched(Browser browser, BrowserContext context) {
        return browser.contexts().contains(context) && context.pages().size() == 1 && !context.pages().get(0).isClosed();
    }

    private static void discard(BrowserContext context) {
        try {
            context.close();
        } catch (PlaywrightException e) {
            log.debug("could not close a context made ahead of time: {}", LiveBrowser.firstLine(e));
        }
    }
}
