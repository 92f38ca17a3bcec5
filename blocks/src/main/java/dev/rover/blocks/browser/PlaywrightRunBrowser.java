package dev.rover.blocks.browser;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import dev.rover.blocks.run.RunBrowser;
import dev.rover.browser.LiveBrowser;
import dev.rover.browser.action.ActionExecutor;
import dev.rover.browser.observe.ObserveOptions;
import dev.rover.browser.observe.PageObserver;
import dev.rover.browser.observe.ScreenshotTaker;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.DownloadedFile;
import dev.rover.core.page.PageSnapshot;
import dev.rover.core.page.Target;
import dev.rover.core.secret.SecretScope;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A run's browser on Playwright: observations through the page observer, actions through the
 * action executor, screenshots with secret fields masked. Every call goes to the live browser's
 * owning thread, so blocks may call it from any thread.
 */
public final class PlaywrightRunBrowser implements RunBrowser {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PlaywrightRunBrowser.class);

    private final LiveBrowser live;
    private final PageObserver observer = new PageObserver();
    private final ScreenshotTaker screenshots = new ScreenshotTaker();
    private final ObserveOptions observeOptions;
    private final List<DownloadedFile> downloads = new ArrayList<>();

    public PlaywrightRunBrowser(LiveBrowser live, ObserveOptions observeOptions) {
        this.live = live;
        this.observeOptions = observeOptions;
    }

    /** The live browser behind this run browser. */
    public LiveBrowser live() {
        return live;
    }

    @Override
    public PageSnapshot observe() {
        return live.call(page -> observer.observe(page.page(), observeOptions));
    }

    @Override
    public ActionResult perform(BrowserAction action, UnaryOperator<String> secrets) {
        return perform(action, secrets, null);
    }

    @Override
    public ActionResult perform(BrowserAction action, UnaryOperator<String> secrets, String downloadName) {
        ActionExecutor executor = ActionExecutor.builder().secrets(secrets::apply)
                .allowFileUrls(live.options().allowFileUrls()).build();
        ActionResult result;
        try {
            result = live.call(page -> {
                if (action instanceof BrowserAction.InputText typing && SecretScope.looksLikePlaceholder(typing.text())) {
                    markSecret(page.page(), typing.target());
                }
                return executor.execute(page, action, downloadName);
            });
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

    /**
     * Marks the field a secret is typed into, so screenshots mask it and observations mask its value
     * whatever its type (a username in a text field, an API key, a one-time code).
     */
    private static void markSecret(Page page, Target target) {
        String selector = target.hasId() ? "[" + PageObserver.ID_ATTRIBUTE + "=\"" + target.elementId() + "\"]" : target.selector();
        for (Frame frame : page.frames()) {
            try {
                Locator field = frame.locator(selector);
                if (field.count() > 0) {
                    field.first().evaluate("el => el.setAttribute('data-rover-secret', '')");
                    return;
                }
            } catch (PlaywrightException e) {
                log.debug("could not mark {} as secret in frame {}: {}", target, frame.url(), e.getMessage());
            }
        }
    }

    @Override
    public byte[] screenshot(boolean fullPage, int maxScrolls) {
        return live.call(page -> fullPage ? screenshots.fullPage(page.page(), maxScrolls) : screenshots.viewport(page.page()));
    }

    @Override
    public ActionResult navigate(String url) {
        return perform(new BrowserAction.GotoUrl(url), UnaryOperator.identity());
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
}
