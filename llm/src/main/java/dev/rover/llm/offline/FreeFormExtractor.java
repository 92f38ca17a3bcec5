package dev.rover.llm.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rover.core.page.PageContent;
import dev.rover.core.page.PageSnapshot;

import java.util.List;

/** Extraction without a schema: the page's label/value pairs, headings and tables as plain JSON. */
final class FreeFormExtractor {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FreeFormExtractor() {
    }

    static JsonNode extract(PageSnapshot page) {
        ObjectNode out = NODES.objectNode();
        out.put("url", page.url());
        out.put("title", page.title());
        ObjectNode values = out.putObject("values");
        for (PageContent.LabeledValue lv : page.content().labeledValues()) {
            if (!values.has(lv.label())) {
                values.put(lv.label(), lv.value());
            }
        }
        ArrayNode headings = out.putArray("headings");
        page.content().headings().forEach(h -> headings.add(h.text()));
        ArrayNode tables = out.putArray("tables");
        for (PageContent.Table t : page.content().tables()) {
            ObjectNode table = tables.addObject();
            table.put("caption", t.caption());
            ArrayNode rows = table.putArray("rows");
            for (List<String> row : t.rows()) {
                ObjectNode r = rows.addObject();
                for (int c = 0; c < row.size(); c++) {
                    String header = c < t.headers().size() && !t.headers().get(c).isBlank() ? t.headers().get(c) : "column_" + (c + 1);
                    r.put(header, row.get(c));
                }
            }
        }
        return out;
    }
}
