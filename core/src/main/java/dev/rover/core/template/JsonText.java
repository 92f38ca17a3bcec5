package dev.rover.core.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rover.core.json.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares values for Jinjava so that maps and lists print as JSON text rather than Java's
 * {@code toString} or Jinjava's Python-like form; they stay real maps and lists, so attribute
 * access, filters and loops work as usual.
 */
final class JsonText {

    private JsonText() {
    }

    /** A deep copy of the value in which every map and list prints as JSON. */
    static Object wrap(Object value) {
        if (value instanceof JsonMap || value instanceof JsonList) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            JsonMap copy = new JsonMap();
            map.forEach((k, v) -> copy.put(String.valueOf(k), wrap(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            JsonList copy = new JsonList();
            list.forEach(v -> copy.add(wrap(v)));
            return copy;
        }
        if (value instanceof Object[] array) {
            return wrap(java.util.Arrays.asList(array));
        }
        return value;
    }

    /** The JSON text of a value. */
    static String toJson(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a template value as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A map that prints as a JSON object. */
    static final class JsonMap extends LinkedHashMap<String, Object> {
        @Override
        public String toString() {
            return toJson(new LinkedHashMap<String, Object>(this));
        }
    }

    /** A list that prints as a JSON array. */
    static final class JsonList extends ArrayList<Object> {
        @Override
        public String toString() {
            return toJson(new ArrayList<>(this));
        }
    }
}
