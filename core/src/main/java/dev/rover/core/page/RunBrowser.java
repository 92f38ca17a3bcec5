package dev.rover.core.page;

import dev.rover.core.page.ActionResult;
import dev.rover.core.page.BrowserAction;
import dev.rover.core.page.DownloadedFile;
import dev.rover.core.page.PageSnapshot;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The browser as one run sees it: observe the current page, perform an action, take a
 * screenshot. Every block of a workflow run shares the same instance (one browser per run, as in
 * Skyvern). Implementations confine Playwright to its owning thread; callers may use any thread.
 */
public interface RunBrowser {

    /**
     * Observes the current page. Controls the prompt cannot show (far off screen on a page larger than the prompt's
     * budget) may be only {@linkplain Element#indexed() indexed}.
     */
    default PageSnapshot observe() {
        return observe(false);
    }

    /**
     * Observes the current page; with {@code everyElementInFull}, every control is read in full, as a consumer that
     * decides from the element list rather than the prompt needs ({@link dev.rover.core.engine.Engine#readsEveryElement()}).
     */
    PageSnapshot observe(boolean everyElementInFull);

    /**
     * Performs one action. {@code secrets} turns placeholders into real values at the moment of
     * typing; the action result never contains them.
     */
    ActionResult perform(BrowserAction action, UnaryOperator<String> secrets);

    /**
     * Performs one action, saving a download it starts under {@code downloadName} (a block's
     * {@code download_suffix}) when that is not blank.
     */
    default ActionResult perform(BrowserAction action, UnaryOperator<String> secrets, String downloadName) {
        return perform(action, secrets);
    }

    /**
     * Performs one action as {@link #perform(BrowserAction, UnaryOperator, String)} does, waiting up to
     * {@code downloadTimeout} (null: the action timeout) for a download the action starts (a
     * {@code file_download} block's {@code download_timeout}).
     */
    default ActionResult perform(BrowserAction action, UnaryOperator<String> secrets, String downloadName,
                                 java.time.Duration downloadTimeout) {
        return perform(action, secrets, downloadName);
    }

    /** A PNG of the viewport (or of the page, scrolling at most {@code maxScrolls} times), secret fields masked. */
    byte[] screenshot(boolean fullPage, int maxScrolls);

    /** Navigates the current tab and waits for the page to load. */
    ActionResult navigate(String url);

    /** The current page's URL. */
    String currentUrl();

    /** Files downloaded so far in this run, oldest first. */
    List<DownloadedFile> downloads();

    /**
     * Finds the element a script recorded (a replay), trying the locator's strategies in order in the frame it
     * names, and gives a target for acting on it with its fingerprint now. Empty when no strategy finds exactly
     * one element.
     */
    default java.util.Optional<LocatedElement> locate(dev.rover.core.script.ElementLocator locator) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot find recorded elements again");
    }

    /**
     * Runs a JavaScript function body in the current page (a {@code code} block) with each binding as a
     * variable of the same name (and all of them as {@code params}), awaiting a returned promise.
     *
     * @param functionBody  the body of an async function; its {@code return} value is the result
     * @param bindingsJson  a JSON object of the values to bind
     * @return the result as JSON text ({@code null} when the code returns nothing)
     * @throws IllegalStateException naming the script error when the code throws
     */
    default String evaluate(String functionBody, String bindingsJson) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot run JavaScript in its page");
    }

    /**
     * The current page printed to PDF (a {@code print_page} block).
     *
     * @param format          a paper format such as {@code A4} or {@code Letter}
     * @param landscape       landscape orientation
     * @param printBackground include background graphics
     */
    default byte[] pdf(String format, boolean landscape, boolean printBackground) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot print its page to PDF");
    }

    /**
     * Runs deterministic work: a verified script replay, or the workflow's own navigation in a run that replays
     * ({@code run_with: code}). An on-failure trace that has not started yet does not start for it: a clean
     * replay is recorded by its script and step screenshots, and the trace starts with the first work that is not
     * replayed (the agent taking over, another block). With {@code ROVER_TRACE=always} everything is traced.
     */
    default <T> T replaying(java.util.function.Supplier<T> work) {
        return work.get();
    }

    /**
     * True when the run's on-failure trace is still waiting to start because everything so far was
     * {@linkplain #replaying replayed}; false once it started, or when this browser records no trace.
     */
    default boolean traceDeferred() {
        return false;
    }
}
