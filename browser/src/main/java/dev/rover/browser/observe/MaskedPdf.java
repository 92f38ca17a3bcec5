package dev.rover.browser.observe;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import dev.rover.browser.action.SecretGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * Prints a page to PDF ({@code print_page}) with secrets left out, as {@link ScreenshotTaker} paints them over: a
 * PDF keeps the page's text, so a mask drawn on top would not do. For the print only, in every frame, password
 * fields, {@code [data-rover-secret]} elements and every element the {@link SecretGuard} finds showing a secret get
 * bullets instead of their value or text (a frame that cannot be searched is hidden); the page is restored after.
 */
public final class MaskedPdf {

    private static final Logger log = LoggerFactory.getLogger(MaskedPdf.class);
    private static final String KEY = "__roverPrintMasked";
    private static final String BULLETS = "\u2022\u2022\u2022\u2022\u2022\u2022";
    private static final String MASK = "selector => { const saved = [];"
            + " for (const e of document.querySelectorAll(selector)) {"
            + "   const tag = e.tagName;"
            + "   if (tag === 'IFRAME' || tag === 'FRAME' || tag === 'SELECT') { saved.push([e, 'visibility', e.style.visibility]);"
            + "     e.style.visibility = 'hidden'; continue; }"
            + "   if (tag === 'INPUT' || tag === 'TEXTAREA') { saved.push([e, 'value', e.value]); e.value = e.value ? '" + BULLETS + "' : '';"
            + "     const p = e.getAttribute('placeholder'); if (p !== null) { saved.push([e, 'placeholder', p]);"
            + "       e.setAttribute('placeholder', '" + BULLETS + "'); } continue; }"
            + "   for (const n of Array.from(e.childNodes)) { if (n.nodeType === 3 && n.nodeValue.trim()) {"
            + "     saved.push([n, 'text', n.nodeValue]); n.nodeValue = '" + BULLETS + "'; } } }"
            + " Object.defineProperty(window, '" + KEY + "', { value: saved, configurable: true, enumerable: false, writable: true });"
            + " return saved.length; }";
    private static final String RESTORE = "() => { const saved = window." + KEY + " || [];"
            + " for (const [t, kind, v] of saved.reverse()) {"
            + "   if (kind === 'value') t.value = v; else if (kind === 'placeholder') t.setAttribute('placeholder', v);"
            + "   else if (kind === 'text') t.nodeValue = v; else t.style.visibility = v; }"
            + " delete window." + KEY + "; }";

    private final SecretGuard guard;

    /** A printer that leaves out password and marked fields, and everything showing one of the guard's secrets. */
    public MaskedPdf(SecretGuard guard) {
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /** The page as a PDF with these options, its secrets left out. */
    public byte[] print(Page page, Page.PdfOptions options) {
        if (guard.holdsSecrets()) {
            ShownSecrets.mark(page, guard);
        }
        try {
            for (Frame frame : page.frames()) {
                if (!frame.isDetached()) {
                    mask(frame);
                }
            }
            return page.pdf(options);
        } finally {
            for (Frame frame : page.frames()) {
                if (!frame.isDetached()) {
                    try {
                        frame.evaluate(RESTORE);
                    } catch (PlaywrightException e) {
                        log.debug("could not restore frame {} after printing: {}", frame.url(), firstLine(e));
                    }
                }
            }
            if (guard.holdsSecrets()) {
                try {
                    ShownSecrets.unmark(page);
                } catch (PlaywrightException e) {
                    // a page that navigated meanwhile has no marks left to remove
                }
            }
        }
    }

    /** Masks one frame; a frame that cannot be masked fails the print rather than printing what it shows. */
    private static void mask(Frame frame) {
        try {
            frame.evaluate(MASK, ScreenshotTaker.SECRET_SELECTOR);
        } catch (PlaywrightException e) {
            throw new IllegalStateException("could not leave the secrets out of frame " + frame.url()
                    + " before printing it, so the page was not printed: " + firstLine(e), e);
        }
    }

    private static String firstLine(PlaywrightException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
