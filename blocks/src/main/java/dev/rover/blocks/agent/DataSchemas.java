package dev.rover.blocks.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rover.core.json.Json;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@code data_schema} as people write it into a JSON schema a validator accepts: Skyvern's
 * shorthand (a bare map of properties) becomes an object schema, and type names seen in real
 * files that JSON Schema does not know ({@code url}, {@code iso-8601-date-string}) become strings.
 */
public final class DataSchemas {

    private static final Set<String> JSON_TYPES = Set.of("object", "array", "string", "number", "integer", "boolean", "null");
    private static final Set<String> SCHEMA_KEYWORDS = Set.of("type", "properties", "items", "$schema", "required",
            "anyOf", "oneOf", "allOf", "enum", "const", "$ref");

    private DataSchemas() {
    }

    /** The normalised schema, or null when there is none. */
    public static JsonNode normalize(Object dataSchema) {
        if (dataSchema == null) {
            return null;
        }
        JsonNode node = dataSchema instanceof JsonNode j ? j.deepCopy() : Json.mapper().valueToTree(dataSchema);
        if (node.isTextual()) {
            try {
                node = Json.mapper().readTree(node.asText());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException("data_schema is text but not JSON: " + e.getOriginalMessage(), e);
            }
        }
        if (!node.isObject() || node.isEmpty()) {
            return null;
        }
        if (isShorthand((ObjectNode) node)) {
            ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
            wrapped.put("type", "object");
            wrapped.set("properties", node);
            node = wrapped;
        }
        fixTypes(node);
        return node;
    }

    private static boolean isShorthand(ObjectNode node) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            if (SCHEMA_KEYWORDS.contains(names.next())) {
                return false;
            }
        }
        return true;
    }

    /** The JSON Schema type for a type name people write: aliases keep their meaning, anything else is text. */
    private static String jsonType(String name) {
        String n = name.trim().toLowerCase(java.util.Locale.ROOT);
        if (JSON_TYPES.contains(n)) {
            return n;
        }
        return switch (n) {
            case "float", "double", "decimal", "numeric", "money", "currency" -> "number";
            case "int", "long", "integer_number" -> "integer";
            case "bool" -> "boolean";
            case "list" -> "array";
            case "dict", "map" -> "object";
            default -> "string";
        };
    }

    private static void fixTypes(JsonNode node) {
        if (node.isObject()) {
            ObjectNode obj = (ObjectNode) node;
            JsonNode type = obj.get("type");
            if (type != null && type.isTextual()) {
                obj.put("type", jsonType(type.asText()));
            } else if (type != null && type.isArray()) {
                var types = obj.putArray("type");
                type.forEach(t -> types.add(t.isTextual() ? jsonType(t.asText()) : t.asText()));
            }
            for (Map.Entry<String, JsonNode> e : obj.properties()) {
                fixTypes(e.getValue());
            }
        } else if (node.isArray()) {
            node.forEach(DataSchemas::fixTypes);
        }
    }

    /**
     * Why this data does not answer the schema (at most 8 problems, sorted), or null when it does; no data at
     * all is a problem even without a schema.
     */
    public static String problems(com.networknt.schema.JsonSchema schema, JsonNode data) {
        if (data == null || data.isMissingNode()) {
            return "no data was returned";
        }
        if (schema == null) {
            return null;
        }
        Set<com.networknt.schema.ValidationMessage> messages = schema.validate(data);
        if (messages.isEmpty()) {
            return null;
        }
        return messages.stream().map(com.networknt.schema.ValidationMessage::getMessage).sorted().limit(8)
                .collect(java.util.stream.Collectors.joining("; "));
    }
}
