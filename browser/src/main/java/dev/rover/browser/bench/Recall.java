package dev.rover.browser.bench;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import dev.rover.core.page.Element;
import dev.rover.core.page.PageSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a snapshot against what a test page declares: every {@code data-expect} element (in any
 * frame) must carry a {@code data-rover-id} present in the snapshot, and no {@code data-expect-hidden}
 * element may be in it. Shared by the recall tests and {@link ObserveBenchmark}.
 *
 * @param expected     how many elements the page declares as expected
 * @param missing      names of expected elements the snapshot lacks
 * @param leakedHidden descriptions of hidden elements the snapshot wrongly contains
 */
public record Recall(int expected, List<String> missing, List<String> leakedHidden) {

    private static final String COLLECT = """
            () => {
              const expect = [], hidden = [];
              const walk = (root) => {
                for (const el of root.querySelectorAll('*')) {
                  if (el.hasAttribute('data-expect')) expect.push([el.getAttribute('data-expect'), el.getAttribute('data-rover-id') || '']);
                  if (el.hasAttribute('data-expect-hidden')) hidden.push([el.outerHTML.slice(0, 80), el.getAttribute('data-rover-id') || '']);
                  if (el.shadowRoot) walk(el.shadowRoot);
                }
              };
              walk(document);
              return {expect, hidden};
            }
            """;

    public Recall {
        missing = List.copyOf(missing);
        leakedHidden = List.copyOf(leakedHidden);
    }

    /** Compares the page's declarations, read from all its frames now, with the snapshot. */
    @SuppressWarnings("unchecked")
    public static Recall measure(Page page, PageSnapshot snapshot) {
        Set<String> ids = snapshot.elements().stream().map(Element::id).collect(Collectors.toSet());
        int expected = 0;
        List<String> missing = new ArrayList<>();
        List<String> leaked = new ArrayList<>();
        for (Frame frame : page.frames()) {
            Map<String, List<List<String>>> found = (Map<String, List<List<String>>>) frame.evaluate(COLLECT);
            for (List<String> pair : found.get("expect")) {
                expected++;
                if (pair.get(1).isEmpty() || !ids.contains(pair.get(1))) {
                    missing.add(pair.get(0) + " in " + frame.url());
                }
            }
            for (List<String> pair : found.get("hidden")) {
                if (!pair.get(1).isEmpty() && ids.contains(pair.get(1))) {
                    leaked.add(pair.get(0) + " in " + frame.url());
                }
            }
        }
        return new Recall(expected, missing, leaked);
    }

    /** Expected elements found, over expected elements; 1.0 for a page that declares none. */
    public double fraction() {
        return expected == 0 ? 1.0 : (expected - missing.size()) / (double) expected;
    }
}
