package dev.rover.core.page;

import java.util.List;

/**
 * The readable structure of a page beside its interactable elements: what an extraction reads
 * (headings, tables, label/value pairs) and what a verification checks (visible text).
 *
 * @param visibleText    the page's visible text, whitespace folded, shortened to a budget
 * @param headings       h1–h6 in document order
 * @param tables         data tables, each with its header row and body rows
 * @param labeledValues  label/value pairs from definition lists, two-column rows and "Label: value" lines
 */
public record PageContent(String visibleText, List<Heading> headings, List<Table> tables, List<LabeledValue> labeledValues) {

    /** No content at all. */
    public static final PageContent EMPTY = new PageContent("", List.of(), List.of(), List.of());

    public PageContent {
        visibleText = visibleText == null ? "" : visibleText;
        headings = headings == null ? List.of() : List.copyOf(headings);
        tables = tables == null ? List.of() : List.copyOf(tables);
        labeledValues = labeledValues == null ? List.of() : List.copyOf(labeledValues);
    }

    /** A heading and its level (1–6). */
    public record Heading(int level, String text) {
    }

    /** A data table: caption (or nearest heading), header cells, body rows of cell text. */
    public record Table(String caption, List<String> headers, List<List<String>> rows) {
        public Table {
            caption = caption == null ? "" : caption;
            headers = headers == null ? List.of() : List.copyOf(headers);
            rows = rows == null ? List.of() : rows.stream().map(List::copyOf).toList();
        }
    }

    /** A label and the value shown next to it. */
    public record LabeledValue(String label, String value) {
    }
}
