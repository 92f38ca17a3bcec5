package dev.rover.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.rover.core.json.Json;

/** Writes and reads the JSON bodies of a database's rows, turning failures into messages naming the row and database. */
final class StoredJson {

    private final String database;

    StoredJson(String database) {
        this.database = database;
    }

    String write(Object value, String what) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write " + what + " as JSON for " + database + ": " + e.getOriginalMessage(), e);
        }
    }

    <T> T read(String json, Class<T> type, String what) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw unreadable(what, e);
        }
    }

    <T> T read(String json, TypeReference<T> type, String what) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw unreadable(what, e);
        }
    }

    private StoreException unreadable(String what, JsonProcessingException e) {
        return new StoreException("the stored JSON of " + what + " in " + database + " cannot be read: "
                + e.getOriginalMessage(), e);
    }
}
