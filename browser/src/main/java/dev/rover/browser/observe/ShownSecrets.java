package dev.rover.browser.observe;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import dev.rover.browser.action.SecretGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the elements of every frame that show a secret as text (a page echoing the password, a
 * settings page showing an API key) and marks them for the screenshot mask. The page only hands
 * its texts out; which of them reveal a secret is decided here in Java, so no secret value is ever
 * given to page script.
 */
final class ShownSecrets {

    /** The attribute marking an element to cover in the next screenshot. */
    static final String MASK_ATTRIBUTE = "data-rover-mask";

    private static final Logger log = LoggerFactory.getLogger(ShownSecrets.class);
    private static final String KEY = "__roverMaskCandidates";
    /** Every non-blank text node (by its parent element), and every field value and placeholder; the elements are kept for marking. */
    private static final String COLLECT = "() => { const texts = [], els = [];"
            + " const root = document.body || document.documentElement; if (!root) return texts;"
            + " const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT); let n;"
            + " while ((n = walker.nextNode())) { const t = n.nodeValue; if (t && t.trim() && n.parentElement) { texts.push(t); els.push(n.parentElement); } }"
            + " for (const e of document.querySelectorAll('input, textarea, select')) {"
            + "   if (typeof e.value === 'string' && e.value) { texts.push(e.value); els.push(e); }"
            + "   const p = e.getAttribute('placeholder'); if (p) { texts.push(p); els.push(e); } }"
            + " Object.defineProperty(window, '" + KEY + "', { value: els, configurable: true, enumerable: false, writable: true });"
            + " return texts; }";
    private static final String MARK = "indexes => { const els = window." + KEY + " || [];"
            + " for (const i of indexes) { if (els[i]) els[i].setAttribute('" + MASK_ATTRIBUTE + "', ''); }"
            + " delete window." + KEY + "; }";
    private static final String UNMARK = "() => { for (const e of document.querySelectorAll('[" + MASK_ATTRIBUTE + "]')) e.removeAttribute('"
            + MASK_ATTRIBUTE + "'); }";

    private ShownSecrets() {
    }

    /** Marks, in every frame, each element whose text or value reveals one of the guard's secrets. */
    static void mark(Page page, SecretGuard guard) {
        for (Frame frame : page.frames()) {
            if (frame.isDetached()) {
                continue;
            }
            try {
                Object texts = frame.evaluate(COLLECT);
                List<Integer> revealing = new ArrayList<>();
                if (texts instanceof List<?> list) {
                    for (int i = 0; i < list.size(); i++) {
                        if (guard.revealsSecret(String.valueOf(list.get(i)))) {
                            revealing.add(i);
                        }
                    }
                }
                frame.evaluate(MARK, revealing);
            } catch (PlaywrightException e) {
                log.debug("could not look for shown secrets in frame {}: {}", frame.url(), e.getMessage().lines().findFirst().orElse(""));
                coverWhole(frame);
            }
        }
    }

    /** A child frame that could not be searched is covered as a whole: it may show a secret. */
    private static void coverWhole(Frame frame) {
        if (frame.parentFrame() == null) {
            return;
        }
        try {
            frame.frameElement().evaluate("e => e.setAttribute('" + MASK_ATTRIBUTE + "', '')");
        } catch (PlaywrightException e) {
            log.debug("could not cover frame {}: {}", frame.url(), e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** Removes every mark again, so later observations see the page as it is. */
    static void unmark(Page page) {
        for (Frame frame : page.frames()) {
            if (!frame.isDetached()) {
                frame.evaluate(UNMARK);
            }
        }
    }
}
