package dev.rover.llm.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rover.core.page.Element;
import dev.rover.core.page.PageContent;
import dev.rover.core.page.PageSnapshot;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fills a JSON schema from what the page shows: scalar properties from label/value pairs, filled
 * form fields and headings; arrays of objects from the table whose headers best cover the item
 * properties. Property names match labels loosely ("order_id" finds "Order #" and "Order No.").
 */
final class SchemaExtractor {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final PageSnapshot page;
    private final List<String> notes = new ArrayList<>();

    private SchemaExtractor(PageSnapshot page) {
        this.page = page;
    }

    /** The data and a reasoning that lists what was found and what was not. */
    static Result extract(JsonNode schema, PageSnapshot page) {
        SchemaExtractor extractor = new SchemaExtractor(page);
        JsonNode normalized = SchemaShape.normalize(schema);
        JsonNode data = normalized == null ? FreeFormExtractor.extract(page) : extractor.fill(normalized, "");
        return new Result(data, extractor.notes);
    }

    /** Extracted data and the notes about missing or unreadable properties. */
    record Result(JsonNode data, List<String> notes) {
        Result {
            notes = List.copyOf(notes);
        }
    }

    private JsonNode fill(JsonNode schema, String path) {
        String type = SchemaShape.type(schema);
        if (type.equals("object")) {
            return fillObject(schema, path);
        }
        if (type.equals("array")) {
            return fillArray(schema.path("items"), path.isEmpty() ? "items" : path);
        }
        return lookup(path, schema).orElse(null);
    }

    private ObjectNode fillObject(JsonNode schema, String path) {
        ObjectNode out = NODES.objectNode();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> p = it.next();
            String name = p.getKey();
            String childPath = path.isEmpty() ? name : path + "." + name;
            JsonNode prop = SchemaShape.normalizeProperty(p.getValue());
            String type = SchemaShape.type(prop);
            JsonNode value = switch (type) {
                case "object" -> fillObject(prop, childPath);
                case "array" -> fillArray(prop.path("items"), childPath);
                default -> lookup(childPath, prop).orElse(null);
            };
            if (value != null) {
                out.set(name, value);
            } else if (required.contains(name)) {
                notes.add("required property \"" + childPath + "\" was not found on the page and is omitted");
            }
        }
        return out;
    }

    private ArrayNode fillArray(JsonNode itemSchema, String path) {
        JsonNode items = SchemaShape.normalizeProperty(itemSchema);
        ArrayNode out = NODES.arrayNode();
        String itemType = SchemaShape.type(items);
        if (itemType.equals("object")) {
            Optional<TableColumns> table = TableColumns.best(page.content().tables(), items.path("properties"));
            if (table.isEmpty()) {
                List<ObjectNode> cards = RepeatedLabels.items(labeledValues(), items.path("properties"),
                        (property, value) -> notes.add("\"" + value + "\" for \"" + property + "\" does not fit its type"));
                cards.forEach(out::add);
                if (cards.isEmpty()) {
                    notes.add("no table or repeated labels on the page match the properties of \"" + path + "\"");
                }
                return out;
            }
            for (List<String> row : table.get().table().rows()) {
                ObjectNode item = NODES.objectNode();
                table.get().columns().forEach((property, column) -> {
                    if (column < row.size()) {
                        String cell = row.get(column);
                        String type = SchemaShape.type(SchemaShape.normalizeProperty(items.path("properties").path(property)));
                        ValueConverter.convert(cell, type).ifPresentOrElse(v -> item.set(property, v),
                                () -> notes.add("\"" + cell + "\" in column \"" + property + "\" is not a " + type));
                    }
                });
                if (!item.isEmpty()) {
                    out.add(item);
                }
            }
            return out;
        }
        String leaf = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        for (PageContent.Table t : page.content().tables()) {
            for (int c = 0; c < t.headers().size(); c++) {
                if (FieldNames.score(leaf, t.headers().get(c)) > 0) {
                    for (List<String> row : t.rows()) {
                        if (c < row.size()) {
                            ValueConverter.convert(row.get(c), itemType).ifPresent(out::add);
                        }
                    }
                    return out;
                }
            }
        }
        for (PageContent.LabeledValue lv : labeledValues()) {
            if (FieldNames.score(leaf, lv.label()) >= LabelText.STARTS_WITH) {
                ValueConverter.convert(lv.value(), itemType).ifPresent(out::add);
            }
        }
        if (out.isEmpty()) {
            notes.add("nothing on the page matches the list \"" + path + "\"");
        }
        return out;
    }

    /** A scalar by its property name (or title) among labelled values, filled fields and single-row tables. */
    private Optional<JsonNode> lookup(String path, JsonNode prop) {
        String name = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        List<String> names = new ArrayList<>(List.of(name));
        if (prop.hasNonNull("title")) {
            names.add(prop.get("title").asText());
        }
        String type = SchemaShape.type(prop);
        String best = null;
        double bestScore = 0;
        for (Map.Entry<String, String> candidate : candidates()) {
            for (String n : names) {
                double s = FieldNames.score(n, candidate.getKey());
                if (s > bestScore && !candidate.getValue().isBlank()) {
                    bestScore = s;
                    best = candidate.getValue();
                }
            }
        }
        if (best == null) {
            best = fallback(name).orElse(null);
        }
        if (best == null) {
            return Optional.empty();
        }
        String found = best;
        Optional<JsonNode> converted = ValueConverter.convert(found, type);
        if (converted.isEmpty()) {
            notes.add("\"" + found + "\" found for \"" + path + "\" is not a " + type + "; omitted");
        }
        return converted;
    }

    private List<Map.Entry<String, String>> candidates() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (PageContent.LabeledValue lv : labeledValues()) {
            out.add(Map.entry(lv.label(), lv.value()));
        }
        for (PageContent.Table t : page.content().tables()) {
            if (t.rows().size() == 1) {
                for (int c = 0; c < t.headers().size() && c < t.rows().get(0).size(); c++) {
                    out.add(Map.entry(t.headers().get(c), t.rows().get(0).get(c)));
                }
            }
        }
        for (Element e : page.elements()) {
            if (ElementKind.isTextField(e) && !e.value().isBlank() && !Element.MASKED.equals(e.value())) {
                out.add(Map.entry(ElementMatcher.displayLabel(e), e.value()));
            }
        }
        return out;
    }

    /** The page's label/value pairs plus headings written as "Label: value". */
    private List<PageContent.LabeledValue> labeledValues() {
        List<PageContent.LabeledValue> out = new ArrayList<>(page.content().labeledValues());
        for (PageContent.Heading h : page.content().headings()) {
            int colon = h.text().indexOf(':');
            if (colon > 0 && colon < h.text().length() - 1) {
                out.add(new PageContent.LabeledValue(h.text().substring(0, colon).strip(), h.text().substring(colon + 1).strip()));
            }
        }
        return out;
    }

    private Optional<String> fallback(String name) {
        String n = LabelText.normalize(name);
        if (n.endsWith("url") && (n.contains("page") || n.equals("url") || n.contains("current") || n.contains("history"))) {
            notes.add("\"" + name + "\" taken from the page URL");
            return Optional.of(page.url()).filter(u -> !u.isBlank());
        }
        if (n.equals("title") || n.equals("page title") || n.equals("heading")) {
            return page.content().headings().stream().filter(h -> h.level() == 1).map(PageContent.Heading::text).findFirst()
                    .or(() -> Optional.of(page.title()).filter(t -> !t.isBlank()));
        }
        return Optional.empty();
    }
}
