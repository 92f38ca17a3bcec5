package dev.rover.samples.offline;

import com.microsoft.playwright.Page;

import java.util.List;
import java.util.Map;

/** Reads a corpus case's expected outcome off the live page: every check that does not hold, described. */
final class PageOutcome {

    private static final String SCRIPT = """
            (x) => {
              const bad = [];
              const q = s => document.querySelector(s);
              const hidden = e => !e || !!e.closest('[hidden]') || getComputedStyle(e).display === 'none' || e.getClientRects().length === 0;
              for (const [s, v] of Object.entries(x.values || {})) {
                const e = q(s);
                if (!e) bad.push(s + ' is missing'); else if (String(e.value) !== String(v)) bad.push(s + ' reads "' + e.value + '" not "' + v + '"');
              }
              for (const s of x.checked || []) { const e = q(s); if (!e || !e.checked) bad.push(s + ' is not checked'); }
              for (const s of x.unchecked || []) { const e = q(s); if (!e || e.checked) bad.push(s + ' is checked'); }
              if (x.focused && document.activeElement !== q(x.focused)) {
                const a = document.activeElement;
                bad.push('the focus is on ' + (a ? (a.id || a.tagName) : 'nothing') + ', not ' + x.focused);
              }
              if ('result' in x) {
                const t = (q('#result') || {}).textContent || '';
                if (x.result === '' ? t !== '' : !t.includes(String(x.result))) bad.push('#result reads "' + t + '"');
              }
              for (const s of x.hidden || []) if (!hidden(q(s))) bad.push(s + ' is shown');
              for (const s of x.shown || []) if (hidden(q(s))) bad.push(s + ' is hidden');
              for (const s of x.open || []) { const e = q(s); if (!e || !e.open) bad.push(s + ' is closed'); }
              for (const s of x.closed || []) { const e = q(s); if (!e || e.open) bad.push(s + ' is open'); }
              for (const [k, v] of Object.entries(x.attr || {})) {
                const at = k.lastIndexOf('@'); const e = q(k.slice(0, at)); const got = e ? e.getAttribute(k.slice(at + 1)) : null;
                if (got !== String(v)) bad.push(k + ' is "' + got + '" not "' + v + '"');
              }
              return bad;
            }""";

    private PageOutcome() {
    }

    /** The checks of {@code expect} that the page does not meet; empty when the page shows the expected outcome. */
    @SuppressWarnings("unchecked")
    static List<String> mismatches(Page page, Map<String, Object> expect) {
        Object result = page.evaluate(SCRIPT, expect);
        return result instanceof List<?> list ? (List<String>) list : List.of("the page check returned " + result);
    }
}
