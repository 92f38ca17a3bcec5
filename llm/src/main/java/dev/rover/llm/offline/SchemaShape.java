package dev.rover.llm.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Reads the schemas found in real workflow files: Skyvern's shorthand (a bare map of properties),
 * type arrays such as {@code ["string", "null"]}, and unknown types ("url") that mean string.
 */
final class SchemaShape {

    private static final Set<String> KNOWN = Set.of("object", "array", "string", "number", "integer", "boolean");

    private SchemaShape() {
    }

    /** An object/array/scalar schema, or null when there is no usable schema (free-form extraction). */
    static JsonNode normalize(JsonNode schema) {
        if (schema == null || schema.isNull() || schema.isMissingNode() || (schema.isObject() && schema.isEmpty())) {
            return null;
        }
        if (schema.isTextual()) {
            return null;
        }
        return normalizeProperty(schema);
    }

    /** One property's schema, with the shorthand turned into an object schema. */
    static JsonNode normalizeProperty(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return JsonNodeFactory.instance.objectNode().put("type", "string");
        }
        if (schema.has("type") || schema.has("properties") || schema.has("items")) {
            return schema;
        }
        if (looksLikeProperties(schema)) {
            ObjectNode object = JsonNodeFactory.instance.objectNode().put("type", "object");
            object.set("properties", schema);
            return object;
        }
        return schema;
    }

    /** The schema's type: known JSON-schema types, "string" for anything else. */
    static String type(JsonNode schema) {
        JsonNode t = schema.path("type");
        String type = "";
        if (t.isTextual()) {
            type = t.asText();
        } else if (t.isArray()) {
            for (JsonNode x : t) {
                if (!"null".equals(x.asText())) {
                    type = x.asText();
                    break;
                }
            }
        }
        if (type.isEmpty()) {
            if (schema.has("properties")) {
                return "object";
            }
            if (schema.has("items")) {
                return "array";
            }
        }
        return KNOWN.contains(type) ? type : "string";
    }

    private static boolean looksLikeProperties(JsonNode schema) {
        Iterator<Map.Entry<String, JsonNode>> it = schema.fields();
        boolean any = false;
        while (it.hasNext()) {
            JsonNode v = it.next().getValue();
            if (!v.isObject()) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
