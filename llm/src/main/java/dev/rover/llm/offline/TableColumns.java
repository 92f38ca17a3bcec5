package dev.rover.llm.offline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rover.core.page.PageContent;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A table chosen for an array of objects and which column feeds each item property. */
record TableColumns(PageContent.Table table, Map<String, Integer> columns) {

    TableColumns {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** The table whose headers cover most item properties (best match score breaks ties), if any covers one. */
    static Optional<TableColumns> best(List<PageContent.Table> tables, JsonNode properties) {
        TableColumns best = null;
        double bestScore = 0;
        for (PageContent.Table table : tables) {
            Map<String, Integer> columns = new LinkedHashMap<>();
            double total = 0;
            Iterator<String> names = properties.fieldNames();
            while (names.hasNext()) {
                String property = names.next();
                int column = -1;
                double score = 0;
                for (int c = 0; c < table.headers().size(); c++) {
                    if (columns.containsValue(c)) {
                        continue;
                    }
                    double s = FieldNames.score(property, table.headers().get(c));
                    JsonNode title = properties.path(property).path("title");
                    if (title.isTextual()) {
                        s = Math.max(s, FieldNames.score(title.asText(), table.headers().get(c)));
                    }
                    if (s > score) {
                        score = s;
                        column = c;
                    }
                }
                if (column >= 0) {
                    columns.put(property, column);
                    total += 1000 + score;
                }
            }
            if (total > bestScore) {
                bestScore = total;
                best = new TableColumns(table, columns);
            }
        }
        return Optional.ofNullable(best);
    }
}
