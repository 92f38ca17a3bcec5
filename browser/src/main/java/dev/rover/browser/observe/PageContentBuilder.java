package dev.rover.browser.observe;

import dev.rover.core.page.PageContent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Gathers the readable content of all observed frames into one {@link PageContent}, within the text budget. */
final class PageContentBuilder {

    /** "Label: value" on one line: a short label without sentence punctuation, then a value. */
    private static final Pattern LABEL_LINE = Pattern.compile("^([\\p{L}\\p{N}][^:.!?]{0,39}):\\s+(\\S.{0,199})$");

    private final int textBudget;
    private final StringBuilder text = new StringBuilder();
    private final List<PageContent.Heading> headings = new ArrayList<>();
    private final List<PageContent.Table> tables = new ArrayList<>();
    private final List<PageContent.LabeledValue> labeled = new ArrayList<>();

    PageContentBuilder(int textBudget) {
        this.textBudget = textBudget;
    }

    void add(RawFrame frame) {
        for (RawFrame.RawHeading h : frame.headings()) {
            headings.add(new PageContent.Heading(h.l(), h.t()));
        }
        for (RawFrame.RawTable t : frame.tables()) {
            tables.add(new PageContent.Table(t.c(), t.h(), t.r()));
        }
        for (List<String> pair : frame.pairs()) {
            if (pair.size() == 2 && !pair.get(0).isBlank()) {
                labeled.add(new PageContent.LabeledValue(stripColon(pair.get(0)), pair.get(1)));
            }
        }
        for (String line : frame.text().split("\n")) {
            labeledLine(line);
        }
        appendText(frame.text());
    }

    private void labeledLine(String line) {
        Matcher m = LABEL_LINE.matcher(line.strip());
        if (m.matches()) {
            labeled.add(new PageContent.LabeledValue(m.group(1).strip(), m.group(2).strip()));
        }
    }

    private void appendText(String frameText) {
        if (frameText.isEmpty() || text.length() >= textBudget) {
            return;
        }
        if (text.length() > 0) {
            text.append('\n');
        }
        int room = textBudget - text.length();
        text.append(frameText, 0, Math.min(room, frameText.length()));
    }

    private static String stripColon(String label) {
        String s = label.strip();
        return s.endsWith(":") ? s.substring(0, s.length() - 1).strip() : s;
    }

    PageContent build() {
        return new PageContent(text.toString(), headings, tables, labeled);
    }
}
