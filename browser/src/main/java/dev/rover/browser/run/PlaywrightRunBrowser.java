package dev.rover.browser.run;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import dev.rover.core.page.RunBrowser;
import dev.rover.browser.LiveBrowser;
import dev.rover.browser.action.ActionExecutor;
import dev.rover.browser.action.SecretGuard;
import dev.rover.browser.observe.MaskedPdf;
import dev.rover.browser.observe.ObserveOptions;
import dev.rover.browser.observe.PageObserver;
import dev.rover.browser.observe.ScreenshotTaker;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.DownloadedFile;
import dev.rover.core.page.PageSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A run's browser on Playwright: observations through the page observer, actions through the
 * action executor (with the run's {@link SecretGuard} keeping credentials on their origins),
 * screenshots with secret fields and shown secrets masked. Every call goes to the live browser's
 * owning thread, so blocks may call it from any thread.
 */
public final class PlaywrightRunBrowser implements RunBrowser {

    private final LiveBrowser live;
    private final PageObserver observer = new PageObserver();
    private final ScreenshotTaker screenshots;
    private final ObserveOptions observeOptions;
    /** The observe options with every element read in full, for engines that read the element list. */
    private final ObserveOptions inFull;
    private final SecretGuard guard;
    private final List<DownloadedFile> downloads = new ArrayList<>();
    /** Counts the actions and scripts run on the page, so a screenshot knows whether the page was acted on since the last. */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();
    private byte[] lastShot;
    private long lastShotAt = -1;
    private Page lastShotOf;
    /** How many {@link #replaying} calls are under way: their work does not start a deferred trace. */
    private final java.util.concurrent.atomic.AtomicInteger replaying = new java.util.concurrent.atomic.AtomicInteger();

    /** A run browser for a run without secrets. */
    public PlaywrightRunBrowser(LiveBrowser live, ObserveOptions observeOptions) {
        this(live, observeOptions, SecretGuard.NONE);
    }

    /** A run browser whose actions and screenshots follow the run's secret guard. */
    public PlaywrightRunBrowser(LiveBrowser live, ObserveOptions observeOptions, SecretGuard guard) {
        this.live = live;
        this.observeOptions = observeOptions;
        this.inFull = observeOptions.toBuilder().everyElementInFull(true).build();
        this.guard = java.util.Objects.requireNonNull(guard, "guard");
        this.screenshots = new ScreenshotTaker(guard);
    }

    /** The live browser behind this run browser. */
    public LiveBrowser live() {
        return live;
    }

    @Override
    public PageSnapshot observe(boolean everyElementInFull) {
        ObserveOptions options = everyElementInFull ? inFull : observeOptions;
        return live.call(page -> observer.observe(traced(page).page(), options));
    }

    @Override
    public ActionResult perform(BrowserAction action, UnaryOperator<String> secrets) {
        return perform(action, secrets, null);
    }

    @Override
    public ActionResult perform(BrowserAction action, UnaryOperator<String> secrets, String downloadName) {
        return perform(action, secrets, downloadName, null);
    }

    @Override
    public ActionResult perform(BrowserAction action, UnaryOperator<String> secrets, String downloadName,
                                java.time.Duration downloadTimeout) {
        ActionExecutor executor = ActionExecutor.builder().secrets(secrets::apply).secretGuard(guard)
                .allowFileUrls(live.options().allowFileUrls()).downloadWait(downloadTimeout).build();
        ActionResult result;
        try {
            changes.incrementAndGet();
            result = live.call(page -> executor.execute(traced(page), action, downloadName));
        } catch (RuntimeException e) {
            // a secret that cannot be produced (a one-time code that never came) fails the action, not the run
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return ActionResult.failed("could not " + action.actionType() + ": " + message.lines().findFirst().orElse(message));
        }
        synchronized (downloads) {
            downloads.addAll(result.downloads());
        }
        return result;
    }

    @Override
    public byte[] screenshot(boolean fullPage, int maxScrolls) {
        return live.call(page -> fullPage ? screenshots.fullPage(page.page(), maxScrolls, () -> viewportShot(page.page()))
                : viewportShot(page.page()));
    }

    /**
     * A viewport shot, or the last one when nothing acted on the page since (the final screenshot of a run whose
     * last step was just shot); on the browser's owning thread.
     */
    private byte[] viewportShot(Page page) {
        long now = changes.get();
        if (lastShot != null && lastShotAt == now && lastShotOf == page) {
            return lastShot;
        }
        byte[] shot = screenshots.viewport(page);
        lastShot = shot;
        lastShotAt = now;
        lastShotOf = page;
        return shot;
    }

    @Override
    public ActionResult navigate(String url) {
        ActionResult result = perform(new BrowserAction.GotoUrl(url), UnaryOperator.identity());
        if (result.success()) {
            // the workflow or task opened this page itself: an unbound credential may be bound to it
            guard.opened(url, currentUrl());
        }
        return result;
    }

    @Override
    public String currentUrl() {
        return live.call(page -> page.page().url());
    }

    @Override
    public List<DownloadedFile> downloads() {
        synchronized (downloads) {
            return List.copyOf(downloads);
        }
    }

    @Override
    public java.util.Optional<dev.rover.core.page.LocatedElement> locate(dev.rover.core.script.ElementLocator locator) {
        return live.call(page -> page.page() == null ? java.util.Optional.<dev.rover.core.page.LocatedElement>empty()
                : dev.rover.browser.action.ElementIdentities.locate(page.page(), locator));
    }

    @Override
    public String evaluate(String functionBody, String bindingsJson) {
        try {
            changes.incrementAndGet();
            Object outcome = live.call(page -> traced(page).page().evaluate(CODE_RUNNER, List.of(functionBody, bindingsJson)));
            if (outcome instanceof java.util.Map<?, ?> m && m.get("error") != null) {
                throw new IllegalStateException("the code failed in the page: " + m.get("error"));
            }
            Object json = outcome instanceof java.util.Map<?, ?> m ? m.get("json") : null;
            return json == null ? "null" : String.valueOf(json);
        } catch (PlaywrightException e) {
            String message = e.getMessage() == null ? "script error" : e.getMessage();
            throw new IllegalStateException("the code failed in the page: " + message.lines().findFirst().orElse(message), e);
        }
    }

    @Override
    public byte[] pdf(String format, boolean landscape, boolean printBackground) {
        Page.PdfOptions options = new Page.PdfOptions().setFormat(format).setLandscape(landscape)
                .setPrintBackground(printBackground);
        return live.call(page -> new MaskedPdf(guard).print(traced(page).page(), options));
    }

    @Override
    public <T> T replaying(java.util.function.Supplier<T> work) {
        replaying.incrementAndGet();
        try {
            return work.get();
        } finally {
            replaying.decrementAndGet();
        }
    }

    @Override
    public boolean traceDeferred() {
        return !live.isClosed() && live.call(page -> page.traces().isDeferred());
    }

    /** The page, its deferred trace started first unless the work is a replay (see {@link #replaying}). */
    private dev.rover.browser.BrowserPage traced(dev.rover.browser.BrowserPage page) {
        if (replaying.get() == 0) {
            page.traces().startIfDeferred();
        }
        return page;
    }

    /**
     * Binds the values as the parameters of an async function made from the body (identifiers only; every
     * value is also in {@code params}), awaits it, and returns the result as JSON so any value crosses over,
     * or the error the code threw as one line ({@code TypeError: x is not a function}).
     */
    private static final String CODE_RUNNER = """
            async ([body, bindingsJson]) => {
              const params = JSON.parse(bindingsJson);
              const names = Object.keys(params).filter(k => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) && k !== 'params');
              const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
              try {
                const fn = new AsyncFunction('params', ...names, body);
                const result = await fn(params, ...names.map(k => params[k]));
                return {json: result === undefined ? null : JSON.stringify(result)};
              } catch (e) {
                return {error: (e && e.name ? e.name + ': ' : '') + String(e && e.message !== undefined ? e.message : e)};
              }
            }""";
}
