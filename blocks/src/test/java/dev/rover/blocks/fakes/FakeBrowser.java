package dev.rover.blocks.fakes;

import dev.rover.core.page.RunBrowser;
import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.DownloadedFile;
import dev.rover.core.page.PageSnapshot;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An in-memory browser: it walks through a list of pages, moving to the next one each time an
 * action succeeds, answers with scripted results (success by default) and records what it was
 * asked to do, including the text it would really have typed.
 */
public final class FakeBrowser implements RunBrowser {

    /** A 1x1 transparent PNG. */
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private final List<PageSnapshot> pages;
    private final Deque<ActionResult> scripted = new ArrayDeque<>();
    private final Map<String, String> failingSelectors = new HashMap<>();
    private final List<DownloadedFile> downloads = Collections.synchronizedList(new ArrayList<>());
    public final List<BrowserAction> performed = Collections.synchronizedList(new ArrayList<>());
    public final List<String> typed = Collections.synchronizedList(new ArrayList<>());
    public final List<String> navigations = Collections.synchronizedList(new ArrayList<>());
    private volatile int current;
    private volatile int observations;
    private volatile int screenshots;
    private volatile String urlOverride;
    private boolean advanceOnSuccess = true;

    public FakeBrowser(PageSnapshot... pages) {
        this.pages = pages.length == 0 ? List.of(Pages.page("https://example.test/", "Empty page")) : List.of(pages);
    }

    /** Queues results for the next performed actions (actions beyond the queue succeed). */
    public synchronized FakeBrowser script(ActionResult... results) {
        scripted.addAll(List.of(results));
        return this;
    }

    /** Clicks on this selector fail with the reason. */
    public synchronized FakeBrowser failSelector(String selector, String reason) {
        failingSelectors.put(selector, reason);
        return this;
    }

    /** Keeps showing the same page whatever happens. */
    public synchronized FakeBrowser stayOnPage() {
        advanceOnSuccess = false;
        return this;
    }

    /** A download result, as a click that saves a file returns it. */
    public static ActionResult downloaded(String name) {
        return ActionResult.ok().withDownload(new DownloadedFile(name, Path.of("/tmp/downloads", name), 3,
                "abc", "https://example.test/files/" + name));
    }

    @Override
    public PageSnapshot observe(boolean everyElementInFull) {
        observations++;
        return pages.get(current);
    }

    @Override
    public synchronized ActionResult perform(BrowserAction action, UnaryOperator<String> secrets) {
        performed.add(action);
        if (action instanceof BrowserAction.InputText input) {
            typed.add(secrets.apply(input.text()));
        }
        ActionResult result;
        if (action instanceof BrowserAction.Click click && !click.target().hasId()
                && failingSelectors.containsKey(click.target().selector())) {
            result = ActionResult.failed(failingSelectors.get(click.target().selector()));
        } else {
            result = scripted.isEmpty() ? ActionResult.ok() : scripted.poll();
        }
        if (result.success()) {
            downloads.addAll(result.downloads());
            if (advanceOnSuccess && current < pages.size() - 1) {
                current++;
            }
        }
        return result;
    }

    @Override
    public byte[] screenshot(boolean fullPage, int maxScrolls) {
        screenshots++;
        return PNG.clone();
    }

    @Override
    public synchronized ActionResult navigate(String url) {
        navigations.add(url);
        urlOverride = url;
        return ActionResult.ok();
    }

    @Override
    public String currentUrl() {
        return urlOverride != null ? urlOverride : pages.get(current).url();
    }

    @Override
    public List<DownloadedFile> downloads() {
        synchronized (downloads) {
            return List.copyOf(downloads);
        }
    }

    /** How often the page was observed. */
    public int observations() {
        return observations;
    }

    /** How many screenshots were taken. */
    public int screenshots() {
        return screenshots;
    }

    /** The index of the page shown now. */
    public int pageIndex() {
        return current;
    }
}
