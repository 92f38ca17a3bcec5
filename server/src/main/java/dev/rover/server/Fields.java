package dev.rover.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rover.core.json.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of a JSON request body with errors that name the field and what is allowed, and a check
 * that refuses fields this server does not know or does not implement (a setting silently ignored
 * would run something other than what the caller asked for).
 */
final class Fields {

    private final ObjectNode body;

    private Fields(ObjectNode body) {
        this.body = body;
    }

    /** Parses a request body that must be a JSON object. */
    static Fields parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidFieldException(List.of("body"), "a JSON object is required");
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidFieldException(List.of("body"), "not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new InvalidFieldException(List.of("body"), "a JSON object is required, got " + node.getNodeType().name().toLowerCase());
        }
        return new Fields(object);
    }

    /** Refuses fields outside {@code known}, and non-null values of {@code unsupported} (field -> why). */
    Fields only(Set<String> known, Map<String, String> unsupported) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (unsupported.containsKey(name)) {
                if (!body.get(name).isNull()) {
                    throw new InvalidFieldException(List.of("body", name), unsupported.get(name));
                }
            } else if (!known.contains(name)) {
                throw new InvalidFieldException(List.of("body", name), "unknown field; allowed: " + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
        return this;
    }

    boolean has(String name) {
        JsonNode v = body.get(name);
        return v != null && !v.isNull();
    }

    String string(String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidFieldException(List.of("body", name), "must be a string");
        }
        return v.asText();
    }

    String requiredString(String name) {
        String v = string(name);
        if (v == null || v.isBlank()) {
            throw new InvalidFieldException(List.of("body", name), "field required (a non-empty string)");
        }
        return v;
    }

    Integer integer(String name, int min, int max) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
            throw new InvalidFieldException(List.of("body", name), "must be a whole number from " + min + " to " + max);
        }
        return v.asInt();
    }

    Boolean bool(String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new InvalidFieldException(List.of("body", name), "must be true or false");
        }
        return v.asBoolean();
    }

    Map<String, String> stringMap(String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new InvalidFieldException(List.of("body", name), "must be an object of string values");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new InvalidFieldException(List.of("body", name, e.getKey()), "must be a string");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> objectMap(String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new InvalidFieldException(List.of("body", name), "must be a JSON object");
        }
        return Json.mapper().convertValue(v, Map.class);
    }

    List<String> stringList(String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw new InvalidFieldException(List.of("body", name), "must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw new InvalidFieldException(List.of("body", name, String.valueOf(i)), "must be a string");
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    /** A value of any JSON type, as plain Java (maps, lists, strings, numbers). */
    Object any(String name) {
        JsonNode v = body.get(name);
        return v == null || v.isNull() ? null : Json.mapper().convertValue(v, Object.class);
    }
}
