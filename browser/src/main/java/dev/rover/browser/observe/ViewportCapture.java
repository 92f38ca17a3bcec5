package dev.rover.browser.observe;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import dev.rover.browser.DevToolsCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Base64;
import java.util.Optional;

/**
 * Captures the viewport of a tab with nothing to mask straight through Chromium's DevTools protocol, in one
 * round trip and with the encoder set for speed: Playwright's own screenshot adds several (layout metrics,
 * hiding the caret in every frame and showing it again), which made the step's screenshot cost as much as
 * two actions. The tab's DevTools session ({@link DevToolsCalls}) stays attached for the tab's life. Tabs whose browser offers
 * no such session get an empty answer, and the caller takes Playwright's screenshot instead.
 */
final class ViewportCapture {

    private static final Logger log = LoggerFactory.getLogger(ViewportCapture.class);

    private ViewportCapture() {
    }

    /** The visible part of the tab as PNG, or empty when DevTools cannot take it (call on the browser's owning thread). */
    static Optional<byte[]> png(Page page) {
        Optional<CDPSession> session = DevToolsCalls.session(page);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        JsonObject params = new JsonObject();
        params.addProperty("format", "png");
        params.addProperty("optimizeForSpeed", true);
        try {
            JsonObject result = session.get().send("Page.captureScreenshot", params);
            if (result == null || !result.has("data")) {
                return Optional.empty();
            }
            return Optional.of(Base64.getDecoder().decode(result.get("data").getAsString()));
        } catch (PlaywrightException e) {
            log.debug("DevTools could not capture {}, Playwright will: {}", page.url(), firstLine(e));
            DevToolsCalls.forget(page);
            return Optional.empty();
        }
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
