package dev.rover.browser.action;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import dev.rover.browser.BrowserPage;

import java.util.List;
import java.util.Locale;

/** Performs the actions on the page or its tabs rather than on one element: keys, scrolling, waiting, navigation, tabs. */
final class PageActions {

    private final double timeoutMillis;
    private final double navigationTimeoutMillis;
    private final double maxWaitMillis;

    PageActions(double timeoutMillis, double navigationTimeoutMillis, double maxWaitMillis) {
        this.timeoutMillis = timeoutMillis;
        this.navigationTimeoutMillis = navigationTimeoutMillis;
        this.maxWaitMillis = maxWaitMillis;
    }

    void press(Page page, FoundElement element, List<String> keys) {
        if (keys.isEmpty()) {
            throw new ActionFailure("keypress needs at least one key");
        }
        for (String key : keys) {
            try {
                if (element == null) {
                    page.keyboard().press(key);
                } else {
                    element.locator().press(key, new Locator.PressOptions().setTimeout(timeoutMillis));
                }
            } catch (PlaywrightException e) {
                String message = FailureReasons.firstLine(e);
                if (message.contains("Unknown key")) {
                    throw new ActionFailure("unknown key '" + key + "'");
                }
                throw new ActionFailure(element == null
                        ? "could not press '" + key + "': " + message
                        : FailureReasons.interaction("press '" + key + "' on", element.name(), e));
            }
        }
    }

    void scroll(Page page, FoundElement element, String direction, int pixels) {
        String way = direction == null || direction.isBlank() ? "down" : direction.trim().toLowerCase(Locale.ROOT);
        int amount = pixels > 0 ? pixels : page.viewportSize() == null ? 600 : page.viewportSize().height;
        int dx;
        int dy;
        switch (way) {
            case "down" -> { dx = 0; dy = amount; }
            case "up" -> { dx = 0; dy = -amount; }
            case "right" -> { dx = amount; dy = 0; }
            case "left" -> { dx = -amount; dy = 0; }
            default -> throw new ActionFailure("scroll direction must be up, down, left or right, not '" + direction + "'");
        }
        try {
            if (element == null) {
                page.evaluate("([x, y]) => window.scrollBy(x, y)", List.of(dx, dy));
            } else {
                element.locator().evaluate("(e, [x, y]) => e.scrollBy(x, y)", List.of(dx, dy));
            }
        } catch (PlaywrightException e) {
            throw new ActionFailure("could not scroll " + (element == null ? "the page" : element.name())
                    + ": " + FailureReasons.firstLine(e));
        }
    }

    void waitFor(Page page, double seconds) {
        if (Double.isNaN(seconds) || seconds < 0) {
            throw new ActionFailure("wait needs a number of seconds of at least 0, not " + seconds);
        }
        page.waitForTimeout(Math.min(seconds * 1000, maxWaitMillis));
    }

    void gotoUrl(Page page, String url) {
        if (url == null || url.isBlank()) {
            throw new ActionFailure("goto_url needs a URL");
        }
        try {
            page.navigate(url, new Page.NavigateOptions().setTimeout(navigationTimeoutMillis));
        } catch (PlaywrightException e) {
            throw new ActionFailure("could not open " + url + ": " + FailureReasons.firstLine(e));
        }
    }

    void goBack(Page page) {
        Response response;
        String before = page.url();
        try {
            response = page.goBack(new Page.GoBackOptions().setTimeout(navigationTimeoutMillis));
        } catch (PlaywrightException e) {
            throw new ActionFailure("could not go back: " + FailureReasons.firstLine(e));
        }
        if (response == null && before.equals(page.url())) {
            throw new ActionFailure("there is no previous page in this tab");
        }
    }

    void newTab(BrowserPage browser, String url) {
        try {
            browser.newTab(url);
        } catch (PlaywrightException e) {
            throw new ActionFailure("could not open " + url + " in a new tab: " + FailureReasons.firstLine(e));
        }
    }

    void switchTab(BrowserPage browser, int index) {
        try {
            browser.switchTo(index);
        } catch (IllegalArgumentException e) {
            throw new ActionFailure(e.getMessage());
        }
    }
}
