package dev.throughline.jira;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The package's one Jackson mapper, and deep-immutable copies of plain JSON values (Map,
 * List, scalars).
 */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
            true);

    private Json() {
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static JsonNode parse(byte[] json) {
        if (json == null || json.length == 0) {
            return MAPPER.missingNode();
        }
        try {
            return MAPPER.readTree(json);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Jira sent a body that is not JSON", e);
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The object as deep-immutable plain values, in one walk of the tree (search pages
     * convert every issue's fields, so this sits on the path of every rollup page).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(JsonNode object) {
        if (!object.isObject()) {
            throw new IllegalArgumentException("Not a JSON object: " + object.getNodeType());
        }
        return (Map<String, Object>) plain(object);
    }

    private static Object plain(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
                return Collections.unmodifiableMap(map);
            }
            case ARRAY: {
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(item -> list.add(plain(item)));
                return Collections.unmodifiableList(list);
            }
            case STRING:
                return node.textValue();
            case NUMBER:
                return node.numberValue();
            case BOOLEAN:
                return node.booleanValue();
            default:
                return null; // null, and node types plain JSON never has
        }
    }

    /**
     * A deep copy whose maps and lists cannot be modified; JSON nulls stay (Map.copyOf
     * would refuse them).
     */
    static Map<String, Object> freezeMap(Map<String, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, freeze(v)));
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            return freezeMap((Map<String, ?>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(freeze(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

}
