package dev.rover.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import dev.rover.core.page.Tab;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The live browser context and its current tab, as seen from the browser's owning thread. Every
 * method checks that it runs on that thread, because Playwright objects are not thread-safe; reach
 * it through {@link LiveBrowser#call}. It accepts JS dialogs (alert, confirm, prompt) so they never
 * block a run, remembering their messages, and makes tabs the page opens itself current.
 */
public final class BrowserPage {

    private static final Logger log = LoggerFactory.getLogger(BrowserPage.class);

    private final Thread owner;
    private final Browser browser;
    private final BrowserContext context;
    private final BrowserOptions options;
    private final TraceRecorder traces;
    private final List<String> dialogs = new ArrayList<>();
    private Page current;

    BrowserPage(Browser browser, BrowserContext context, BrowserOptions options, TraceRecorder traces) {
        this.owner = Thread.currentThread();
        this.browser = browser;
        this.context = context;
        this.options = options;
        this.traces = traces;
        context.onPage(this::adopt);
        List<Page> existing = context.pages();
        for (Page page : existing) {
            watch(page);
        }
        this.current = existing.isEmpty() ? context.newPage() : existing.get(existing.size() - 1);
    }

    /** The current tab; when every tab was closed, a new blank one. */
    public Page page() {
        confined();
        if (current == null || current.isClosed()) {
            current = context.newPage();
        }
        return current;
    }

    /** The browser context (cookies, storage, all tabs). */
    public BrowserContext context() {
        confined();
        return context;
    }

    /** The Playwright browser. */
    public Browser browser() {
        confined();
        return browser;
    }

    /** The options this browser was opened with. */
    public BrowserOptions options() {
        return options;
    }

    /** The trace recorder of this context. */
    public TraceRecorder traces() {
        confined();
        return traces;
    }

    /** The open tabs in order, the current one marked active. */
    public List<Tab> tabs() {
        confined();
        List<Page> pages = context.pages();
        List<Tab> tabs = new ArrayList<>(pages.size());
        for (int i = 0; i < pages.size(); i++) {
            Page p = pages.get(i);
            tabs.add(new Tab(i, p.url(), titleOf(p), p == current));
        }
        return tabs;
    }

    /**
     * Makes the tab at {@code index} current.
     *
     * @throws IllegalArgumentException when there is no such tab
     */
    public Page switchTo(int index) {
        confined();
        List<Page> pages = context.pages();
        if (index < 0 || index >= pages.size()) {
            throw new IllegalArgumentException("no tab " + index + "; open tabs are 0.." + (pages.size() - 1));
        }
        current = pages.get(index);
        current.bringToFront();
        return current;
    }

    /** Opens a new tab, navigates it when {@code url} is given, and makes it current. */
    public Page newTab(String url) {
        confined();
        Page page = context.newPage();
        current = page;
        if (url != null && !url.isBlank()) {
            page.navigate(url);
        }
        return page;
    }

    /** The messages of JS dialogs accepted since the last call, oldest first; clears them. */
    public List<String> drainDialogs() {
        confined();
        List<String> copy = List.copyOf(dialogs);
        dialogs.clear();
        return copy;
    }

    /** Throws unless called on the browser's owning thread. */
    public void confined() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("browser objects belong to thread '" + owner.getName()
                    + "' but were used from '" + Thread.currentThread().getName() + "'; go through LiveBrowser.call");
        }
    }

    private void adopt(Page page) {
        watch(page);
        current = page;
    }

    private void watch(Page page) {
        page.onDialog(this::accept);
        page.onClose(closed -> {
            if (closed == current) {
                List<Page> left = context.pages();
                current = left.isEmpty() ? null : left.get(left.size() - 1);
            }
        });
    }

    private void accept(Dialog dialog) {
        String message = dialog.type() + ": " + dialog.message();
        dialogs.add(message);
        log.debug("accepting JS {} dialog", dialog.type());
        try {
            if ("prompt".equals(dialog.type())) {
                dialog.accept(dialog.defaultValue());
            } else {
                dialog.accept();
            }
        } catch (PlaywrightException e) {
            log.warn("could not accept a JS {} dialog: {}", dialog.type(), e.getMessage());
        }
    }

    private static String titleOf(Page page) {
        try {
            return page.title();
        } catch (PlaywrightException e) {
            log.debug("no title for tab {}: {}", page.url(), e.getMessage());
            return "";
        }
    }
}
