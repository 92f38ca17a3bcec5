package dev.rover.browser.observe;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.ScreenshotType;
import dev.rover.browser.DevToolsCalls;
import dev.rover.browser.action.SecretGuard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Takes PNG screenshots for the engine and the run's artifacts with every password field and
 * {@code [data-rover-secret]} element painted over, so secrets never reach an image. With a
 * {@link SecretGuard} that holds secrets, every element in every frame whose text, value or
 * placeholder shows a secret (or a piece of one) is painted over too: a page may echo what was
 * typed. The full-page form stops after {@code max_screenshot_scrolls} viewport heights, as Skyvern does.
 */
public final class ScreenshotTaker {

    /** What masked fields are painted with (opaque magenta, unlikely on a real page). */
    public static final String MASK_COLOR = "#FF00FF";
    /** The CSS selector of everything masked; matches inside open shadow roots too. */
    public static final String SECRET_SELECTOR = "input[type=password i], [data-rover-secret], [" + ShownSecrets.MASK_ATTRIBUTE + "]";

    /** Whether the document, open shadow roots included, has an element matching the selector: "true" or "false". */
    private static final DevToolsCalls.Script SHOWS_SECRETS = DevToolsCalls.Script.of("(sel) => { const deep = root => {"
            + " if (root.querySelector(sel)) return true;"
            + " for (const h of root.querySelectorAll('*')) { if (h.shadowRoot && deep(h.shadowRoot)) return true; }"
            + " return false; }; return String(deep(document)); }");
    private static final String SELECTOR_JSON = DevToolsCalls.json(SECRET_SELECTOR);
    /** The document's width and height and the viewport's; a document without a root element (an error page) is empty. */
    private static final DevToolsCalls.Script DIMENSIONS = DevToolsCalls.Script.returningJson("() => {"
            + " const root = document.documentElement;"
            + " return [root ? root.scrollWidth : 0, root ? root.scrollHeight : 0, window.innerWidth, window.innerHeight]; }");

    private final SecretGuard guard;

    /** A taker that masks password and marked secret fields only. */
    public ScreenshotTaker() {
        this(SecretGuard.NONE);
    }

    /** A taker that also covers every element showing one of the guard's secrets. */
    public ScreenshotTaker(SecretGuard guard) {
        this.guard = java.util.Objects.requireNonNull(guard, "guard");
    }

    /**
     * The visible part of the page. With nothing on it to mask (no secret field in any frame, no secrets in the
     * guard) it is captured in one DevTools round trip; otherwise by Playwright, which paints the masks.
     */
    public byte[] viewport(Page page) {
        if (!guard.holdsSecrets()) {
            List<Locator> masks = secretLocators(page);
            if (masks.isEmpty()) {
                java.util.Optional<byte[]> fast = ViewportCapture.png(page);
                if (fast.isPresent()) {
                    return fast.get();
                }
            }
            return page.screenshot(base(masks));
        }
        return covered(page, () -> page.screenshot(base(secretLocators(page))));
    }

    /**
     * The page from the top, down to the end of the document or {@code maxScrolls} viewport heights below
     * the first one, whichever comes first.
     */
    public byte[] fullPage(Page page, int maxScrolls) {
        return fullPage(page, maxScrolls, () -> viewport(page));
    }

    /**
     * Like {@link #fullPage(Page, int)}, but a page that fits its viewport (all of it is in a viewport shot, at the
     * top) is shot by {@code whenItFits}, the cheaper viewport capture or one already taken of the unchanged page.
     */
    public byte[] fullPage(Page page, int maxScrolls, Supplier<byte[]> whenItFits) {
        if (maxScrolls < 0) {
            throw new IllegalArgumentException("maxScrolls must be zero or more, was " + maxScrolls);
        }
        List<?> d = dimensions(page);
        double width = ((Number) d.get(2)).doubleValue();
        double documentHeight = ((Number) d.get(1)).doubleValue();
        double viewportHeight = ((Number) d.get(3)).doubleValue();
        if (((Number) d.get(0)).doubleValue() <= width && documentHeight <= viewportHeight) {
            return whenItFits.get();
        }
        double height = Math.min(documentHeight, viewportHeight * (maxScrolls + 1));
        return covered(page, () -> page.screenshot(base(secretLocators(page)).setFullPage(true).setClip(0, 0, width, Math.max(1, height))));
    }

    /** Takes the shot with the elements that show a secret marked for masking, and unmarks them after. */
    private byte[] covered(Page page, Supplier<byte[]> shot) {
        if (!guard.holdsSecrets()) {
            return shot.get();
        }
        ShownSecrets.mark(page, guard);
        try {
            return shot.get();
        } finally {
            try {
                ShownSecrets.unmark(page);
            } catch (PlaywrightException e) {
                // a page that navigated meanwhile has no marks left to remove
            }
        }
    }

    private static Page.ScreenshotOptions base(List<Locator> masks) {
        return new Page.ScreenshotOptions()
                .setType(ScreenshotType.PNG)
                .setMask(masks)
                .setMaskColor(MASK_COLOR);
    }

    /** The document's scroll width and height and the window's inner width and height. */
    private static List<?> dimensions(Page page) {
        return DevToolsCalls.evaluate(page.mainFrame(), DIMENSIONS, null, List.class);
    }

    /**
     * The secret fields of every frame that has any: masking costs Playwright a pass over each locator
     * while it takes the shot, more than the count that tells whether a frame has something to mask.
     */
    private static List<Locator> secretLocators(Page page) {
        List<Locator> locators = new ArrayList<>();
        for (Frame frame : page.frames()) {
            if (frame.isDetached()) {
                continue;
            }
            Locator secrets = frame.locator(SECRET_SELECTOR);
            int count;
            try {
                // DevTools answers without loading Playwright's selector engine into a fresh document (tens of ms)
                Optional<String> shown = DevToolsCalls.call(frame, SHOWS_SECRETS, SELECTOR_JSON);
                count = shown.isPresent() ? ("true".equals(shown.get()) ? 1 : 0) : secrets.count();
            } catch (PlaywrightException e) {
                // a frame that cannot be asked (navigating now) is masked blindly rather than left bare
                count = 1;
            }
            if (count > 0) {
                locators.add(secrets);
            }
        }
        return locators;
    }
}
