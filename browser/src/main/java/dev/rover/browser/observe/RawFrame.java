package dev.rover.browser.observe;

import java.util.List;
import java.util.Map;

/**
 * The JSON the observer script returns for one frame, field for field; coordinates are relative to
 * that frame's viewport; owner is the data-rover-frame key of a same-origin frame's iframe. Kept terse because it crosses the browser protocol on every observation.
 */
record RawFrame(
        String letter,
        String owner,
        String url,
        String title,
        double vw,
        double vh,
        double sx,
        double sy,
        List<RawElement> elements,
        List<RawItem> items,
        List<RawHeading> headings,
        List<RawTable> tables,
        List<List<String>> pairs,
        String text) {

    RawFrame {
        elements = elements == null ? List.of() : elements;
        items = items == null ? List.of() : items;
        headings = headings == null ? List.of() : headings;
        tables = tables == null ? List.of() : tables;
        pairs = pairs == null ? List.of() : pairs;
        text = text == null ? "" : text;
    }

    /**
     * One kept element; st is a bit set: 1 checked, 2 selected, 4 disabled, 8 readonly, 16 required, 32 expanded,
     * 64 editable; ix marks an element only indexed (id, tag, role, name, st and box), as it cannot reach the prompt.
     */
    record RawElement(String id, String tag, String role, String name, String text, Map<String, String> attrs,
                      String value, int st, List<RawOption> opts, List<Double> box, String ctx, boolean ix) {
    }

    /** An option: label, value (absent when equal to the label), selected (absent when false). */
    record RawOption(String l, String v, boolean s) {
    }

    /** A prompt stream item: element index i, text x with heading level h, or a child frame f with content origin o. */
    record RawItem(Integer i, String x, Integer h, String f, List<Double> o) {
    }

    /** A heading: level and text. */
    record RawHeading(int l, String t) {
    }

    /**
     * What one evaluation of the observer returns: the frames it observed (the evaluated frame first, then the
     * same-origin frames inside it, each naming its iframe as owner), and the {@code src} of every visible iframe
     * whose document it could not reach, by iframe key.
     */
    record Tree(List<RawFrame> frames, Map<String, String> srcs) {
        Tree {
            frames = frames == null ? List.of() : frames;
            srcs = srcs == null ? Map.of() : srcs;
        }
    }

    /** A table: caption, header cells, rows. */
    record RawTable(String c, List<String> h, List<List<String>> r) {
    }
}
