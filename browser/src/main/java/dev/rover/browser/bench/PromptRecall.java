package dev.rover.browser.bench;

import com.microsoft.playwright.Page;
import dev.rover.core.page.Element;
import dev.rover.core.page.PageSnapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recall over what the model sees rather than over the element list: of the controls within one
 * screen of the viewport (on it, or at most one viewport height above or below), how many appear in
 * the prompt text, and, for controls in a table row, with text of another cell of their row on the
 * same line, since ten "Approve" buttons are useless to a model without it. The row text a control
 * should carry is read from the page itself.
 *
 * @param expected controls within one screen of the viewport
 * @param missing  ids of those that do not reach the prompt, or reach it without their row's text
 */
record PromptRecall(int expected, List<String> missing) {

    private static final Pattern LINE_ID = Pattern.compile("^<[a-z0-9-]+ id=\"([^\"]+)\"", Pattern.MULTILINE);
    /** For each id: the text of the first other non-empty cell of its table row, or '' outside tables. */
    private static final String ROW_TEXT = """
            (ids) => ids.map(id => {
              const el = document.querySelector('[data-rover-id="' + id + '"]');
              const row = el && el.closest('tr');
              if (!row) return '';
              const cell = Array.from(row.cells).find(c => !c.contains(el) && c.textContent.trim());
              return cell ? cell.textContent.replace(/\\s+/g, ' ').trim().slice(0, 30) : '';
            })
            """;

    PromptRecall {
        missing = List.copyOf(missing);
    }

    /** Checks the snapshot's prompt against the page in the main frame, as it is now. */
    @SuppressWarnings("unchecked")
    static PromptRecall measure(Page page, PageSnapshot snapshot) {
        double viewportHeight = page.viewportSize() == null ? 720 : page.viewportSize().height;
        double scrollY = ((Number) page.evaluate("() => window.scrollY")).doubleValue();
        List<Element> near = snapshot.elements().stream().filter(e -> e.frame() == 0 && e.box() != null)
                .filter(e -> e.box().y() + e.box().height() >= scrollY - viewportHeight
                        && e.box().y() <= scrollY + 2 * viewportHeight)
                .toList();
        List<String> rows = (List<String>) page.evaluate(ROW_TEXT, near.stream().map(Element::id).toList());
        Map<String, String> lines = new HashMap<>();
        Matcher m = LINE_ID.matcher(snapshot.promptText());
        while (m.find()) {
            int end = snapshot.promptText().indexOf('\n', m.start());
            lines.put(m.group(1), snapshot.promptText().substring(m.start(), end < 0 ? snapshot.promptText().length() : end));
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < near.size(); i++) {
            String line = lines.get(near.get(i).id());
            String row = rows.get(i);
            if (line == null || !row.isEmpty() && !line.contains(row)) {
                missing.add(near.get(i).id());
            }
        }
        return new PromptRecall(near.size(), missing);
    }

    /** The share of expected controls that reached the prompt with their context; 1.0 when none were expected. */
    double fraction() {
        return expected == 0 ? 1.0 : (expected - missing.size()) / (double) expected;
    }
}
