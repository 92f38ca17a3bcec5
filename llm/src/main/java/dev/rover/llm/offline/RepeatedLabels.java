package dev.rover.llm.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rover.core.page.PageContent;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Builds an array of objects from label/value pairs that repeat, as on pages that list records as
 * cards rather than table rows ("Order ID: A-1, Total: $5, Order ID: A-2, Total: $7"): a property
 * seen again starts the next item.
 */
final class RepeatedLabels {

    private RepeatedLabels() {
    }

    /**
     * The items, or an empty list when the pairs do not repeat; {@code unreadable} hears of values
     * that do not convert to their property's type.
     */
    static List<ObjectNode> items(List<PageContent.LabeledValue> pairs, JsonNode properties, BiConsumer<String, String> unreadable) {
        List<ObjectNode> items = new ArrayList<>();
        ObjectNode current = JsonNodeFactory.instance.objectNode();
        for (PageContent.LabeledValue lv : pairs) {
            String property = bestProperty(properties, lv.label());
            if (property == null) {
                continue;
            }
            if (current.has(property)) {
                items.add(current);
                current = JsonNodeFactory.instance.objectNode();
            }
            String type = SchemaShape.type(SchemaShape.normalizeProperty(properties.path(property)));
            ObjectNode target = current;
            ValueConverter.convert(lv.value(), type).ifPresentOrElse(v -> target.set(property, v),
                    () -> unreadable.accept(property, lv.value()));
        }
        if (!current.isEmpty()) {
            items.add(current);
        }
        boolean repeated = items.size() > 1 || (items.size() == 1 && properties.size() == 1);
        return repeated ? items : List.of();
    }

    private static String bestProperty(JsonNode properties, String label) {
        String best = null;
        double bestScore = LabelText.CONTAINS - 1;
        Iterator<String> names = properties.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            double s = FieldNames.score(name, label);
            if (s > bestScore) {
                bestScore = s;
                best = name;
            }
        }
        return best;
    }
}
