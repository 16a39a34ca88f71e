package dev.throughline.jira;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * The value of a Jira entity property: any JSON document (Jira caps it at 32 KB). Stored
 * as compact JSON text, so two values with the same content are equal.
 */
public record PropertyValue(String json) {

    /** Jira refuses property values larger than 32768 bytes. */
    public static final int MAX_BYTES = 32_768;

    public PropertyValue {
        Objects.requireNonNull(json, "json");
        json = Json.write(Json.parse(json));
        if (json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("property value larger than 32 KB");
        }
    }

    public static PropertyValue ofJson(String json) {
        return new PropertyValue(json);
    }

    /**
     * A JSON object from plain Java values (maps, lists, strings, numbers, booleans,
     * null).
     */
    public static PropertyValue ofMap(Map<String, ?> object) {
        Objects.requireNonNull(object, "object");
        return new PropertyValue(Json.write(object));
    }

    /**
     * This value as a JSON object of plain Java values (unmodifiable); fails if the value
     * is not an object.
     */
    public Map<String, Object> asMap() {
        JsonNode node = Json.parse(json);
        if (!node.isObject()) {
            throw new IllegalStateException("property value is not a JSON object: " + json);
        }
        return Json.toMap(node);
    }

    public boolean isObject() {
        return json.startsWith("{");
    }

    static PropertyValue of(JsonNode node) {
        return new PropertyValue(Json.write(node));
    }
}
