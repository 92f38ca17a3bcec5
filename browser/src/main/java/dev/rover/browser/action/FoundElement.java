package dev.rover.browser.action;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Locator;

import java.util.List;
import java.util.Map;

/**
 * An element located for an action, with the frame it lives in, its {@code data-rover-id} when it was found by one
 * (else null), how to name it in failure reasons, and the facts about it that actions decide by, read in the same
 * round trip that found it.
 */
record FoundElement(Frame frame, Locator locator, String id, String name, Map<String, Object> facts) {

    /**
     * Whether an element is visible as Playwright's {@code isVisible} decides it: not hidden by
     * {@code visibility} or {@code checkVisibility()}, with a non-empty box, and a {@code display: contents}
     * element by its children.
     */
    private static final String VISIBLE = "function vis(el) { const st = getComputedStyle(el);"
            + " if (st.display === 'contents') { for (const c of el.childNodes) {"
            + " if (c.nodeType === 1 && vis(c)) return true;"
            + " if (c.nodeType === 3) { const r = document.createRange(); r.selectNodeContents(c);"
            + " for (const b of r.getClientRects()) { if (b.width > 0 && b.height > 0) return true; } } }"
            + " return false; }"
            + " if (el.checkVisibility && !el.checkVisibility()) return false;"
            + " if (st.visibility !== 'visible') return false;"
            + " const b = el.getBoundingClientRect(); return b.width > 0 && b.height > 0; }";

    /**
     * Whether an element is disabled through ARIA as Playwright decides it: a control, a link or an element with an
     * interactive role takes the nearest {@code aria-disabled} of itself and its ancestors (across shadow roots).
     */
    private static final String ARIA_DISABLED = "(el) => {"
            + " const role = (el.getAttribute('role') || '').trim().split(/\\s+/)[0].toLowerCase();"
            + " const interactive = role ? /^(application|button|composite|gridcell|group|input|link|menuitem|scrollbar|separator|tab"
            + "|checkbox|columnheader|combobox|grid|listbox|menu|menubar|menuitemcheckbox|menuitemradio|option|radio|radiogroup|row"
            + "|rowheader|searchbox|select|slider|spinbutton|switch|tablist|textbox|toolbar|tree|treegrid|treeitem)$/.test(role)"
            + " : el.matches('button, input, select, textarea, a[href], area[href]');"
            + " if (!interactive) return false;"
            + " for (let n = el; n; n = n.parentElement || (n.getRootNode() instanceof ShadowRoot ? n.getRootNode().host : null)) {"
            + " const v = (n.getAttribute('aria-disabled') || '').toLowerCase();"
            + " if (v === 'true') return true; if (v === 'false') return false; }"
            + " return false; }";

    /**
     * What the finder reads about the first match of a locator, or null when nothing matches:
     * the tag, input type and role, whether it is disabled, whether it needs real key events (a
     * combobox, an autocomplete, a masked field), whether it is visible, whether clicking it opens a new tab or starts a
     * download, a native select's options, its box in the top viewport for the report's highlight, whether it is the
     * topmost element at its centre, and whether it is still: it did not have to be scrolled into view (a scroll may
     * still be moving it) and nothing on the page is running an animation. With {@code o.scroll} the
     * element is first scrolled into view when it is not (as Playwright's own actions would do next), so the box
     * is where the action happens without a second round trip after it; with {@code o.submit}, the form a click on
     * it would submit is read too (for the secret guard), sparing a round trip that would load Playwright's
     * selector engine into the page's main world; and, unless {@code o.identity} is false, its identity for a recorded
     * script ({@link ElementIdentities}).
     */
    static final String FACTS = "(els, o) => { if (els.length === 0) return null; const e = els[0]; o = o || {};"
            + " let scrolled = false;"
            + " if (o.scroll) { const r = e.getBoundingClientRect();"
            + " scrolled = r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth;"
            + " if (e.scrollIntoViewIfNeeded) e.scrollIntoViewIfNeeded(true);"
            + " else e.scrollIntoView({block: 'center', inline: 'center'}); }"
            + " const a = n => (e.getAttribute(n) || '').toLowerCase();"
            + " const tag = e.tagName.toLowerCase();"
            + " const type = a('type') || (tag === 'input' ? 'text' : '');"
            + " const filled = ['date', 'time', 'datetime-local', 'month', 'week', 'number', 'range', 'color'].includes(type);"
            + " const link = e.closest('a[href], area[href]'); const target = link ? (link.getAttribute('target') || '').toLowerCase() : '';"
            + " return { tag, type, role: a('role'),"
            + " disabled: e.matches(':disabled') || (" + ARIA_DISABLED + ")(e),"
            + " keys: !filled && (a('role') === 'combobox' || (a('aria-autocomplete') !== '' && a('aria-autocomplete') !== 'none')"
            + " || e.hasAttribute('list') || a('aria-haspopup') === 'listbox'"
            + " || e.hasAttribute('data-mask') || e.hasAttribute('data-inputmask') || e.hasAttribute('x-mask')),"
            + " newTab: target !== '' && target !== '_self' && target !== '_parent' && target !== '_top',"
            + " download: link !== null && link.hasAttribute('download'),"
            + " options: tag === 'select' ? Array.from(e.options).map(o => ({label: o.label.trim(), value: o.value})) : null,"
            + " visible: (" + VISIBLE + ")(e),"
            + " box: (" + ElementBoxes.BOX + ")(e),"
            + " hit: (() => { const r = e.getBoundingClientRect(); const x = r.left + r.width / 2, y = r.top + r.height / 2;"
            + " if (!(r.width > 0 && r.height > 0) || x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;"
            + " const h = document.elementFromPoint(x, y); return !!h && (h === e || e.contains(h)); })(),"
            + " still: !scrolled && !document.getAnimations().some(an => an.playState === 'running'),"
            + " submitRead: !!o.submit, submission: o.submit ? (" + SecretChecks.CLICK_SUBMISSION + ")(e) : null,"
            + " identity: o.identity === false ? null : (() => { try { return (" + ElementIdentities.LIBRARY + ").identify(e); } catch (err) { return null; } })() }; }";

    /**
     * The same facts for the element with a {@code data-rover-id}, found with the DOM's own
     * querySelector (open shadow roots searched when the light DOM has no match): a plain page
     * evaluation, so the page's main world never has to load Playwright's selector engine, which costs
     * a fresh context 100-500 ms on its first action. Its argument is {@code [id, options]}.
     */
    static final dev.rover.browser.DevToolsCalls.Script FACTS_BY_ID = dev.rover.browser.DevToolsCalls.Script.returningJson(
            "([id, o]) => { const e = (" + ElementFinder.BY_ID + ")(id); return (" + FACTS + ")(e ? [e] : [], o); }");

    /**
     * Calls a page script about this element in its frame ({@link dev.rover.browser.DevToolsCalls#evaluate}): its
     * answer, or null when the element's document went away meanwhile (a navigation, a closed tab) or the script threw.
     * Call on the browser's owning thread.
     */
    Object ask(dev.rover.browser.DevToolsCalls.Script script, Object argument) {
        try {
            return dev.rover.browser.DevToolsCalls.evaluate(frame, script, argument, Object.class);
        } catch (com.microsoft.playwright.PlaywrightException e) {
            return null;
        }
    }

    /** The lower-case tag name. */
    String tag() {
        return String.valueOf(facts.get("tag"));
    }

    /** The lower-case {@code type} attribute ({@code text} for an input without one), or an empty string. */
    String inputType() {
        return String.valueOf(facts.get("type"));
    }

    /** The ARIA role attribute, or an empty string. */
    String role() {
        return String.valueOf(facts.get("role"));
    }

    /** Whether it was visible when found (as Playwright's {@code isVisible} decides). */
    boolean visible() {
        return Boolean.TRUE.equals(facts.get("visible"));
    }

    /** Whether it was disabled when found. */
    boolean disabled() {
        return Boolean.TRUE.equals(facts.get("disabled"));
    }

    /**
     * Whether a click may skip Playwright's wait for the element to keep still for two frames and its check of what
     * the click would hit ({@link ClickGuard} checks that instead): visible and enabled, the topmost element at its
     * centre, in view without scrolling and with nothing on the page running an animation, all as read with the facts.
     */
    boolean clearToClick() {
        return visible() && !disabled() && Boolean.TRUE.equals(facts.get("hit")) && Boolean.TRUE.equals(facts.get("still"));
    }

    /** Whether typing into it needs real key events rather than one fill. */
    boolean needsKeyEvents() {
        return Boolean.TRUE.equals(facts.get("keys"));
    }

    /** Whether clicking it follows a link into a new tab. */
    boolean opensNewTab() {
        return Boolean.TRUE.equals(facts.get("newTab"));
    }

    /**
     * Whether it is (or sits in) a link with a {@code download} attribute: clicking it starts a download
     * without a navigation, so nothing else tells the action to wait for the download event.
     */
    boolean startsDownload() {
        return Boolean.TRUE.equals(facts.get("download"));
    }

    /** The element's box in the top viewport when it was found, or null when it cannot be placed there. */
    dev.rover.core.page.ElementBox box() {
        return ElementBoxes.of(facts.get("box"));
    }

    /** Whether the form a click on it submits was read with the facts. */
    boolean submissionRead() {
        return Boolean.TRUE.equals(facts.get("submitRead"));
    }

    /** The form a click on it submits (its action and field values) as read with the facts, or null when none. */
    Object submission() {
        return facts.get("submission");
    }

    /** A native select's options as label/value maps, or null for anything else. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> selectOptions() {
        return (List<Map<String, Object>>) facts.get("options");
    }
}
