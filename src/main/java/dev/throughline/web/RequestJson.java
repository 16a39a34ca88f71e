package dev.throughline.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.problems.FieldError;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading a request body Jackson read as a tree, for the request records of the features'
 * {@code web/} packages: a body is taken as a {@link JsonNode} rather than bound to typed
 * fields so that a wrong type, an unknown field or a missing one is a 400 naming that
 * field, never a parse error.
 */
public final class RequestJson {

    private RequestJson() {
    }

    /** Absent or JSON null. */
    public static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /**
     * The body, which must be a JSON object: anything else (an array, a number, null) is
     * answered as a body that is not JSON, as it was when bodies were bound to maps.
     */
    public static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new HttpMessageNotReadableException("the request body is not a JSON object", (HttpInputMessage) null);
        }
        return body;
    }

    /**
     * The body as a JSON object ({@link #object(JsonNode)}), its fields not in
     * {@code allowed} added to {@code errors} ({@link #unknownFields}).
     */
    public static JsonNode object(JsonNode body, Set<String> allowed, String message, List<FieldError> errors) {
        JsonNode object = object(body);
        unknownFields(object, allowed, "", message, errors);
        return object;
    }

    /**
     * Adds one error per field of {@code object} not in {@code allowed}, in name order,
     * each named {@code at + name}.
     */
    public static void unknownFields(JsonNode object, Set<String> allowed, String at, String message,
            List<FieldError> errors) {
        List<String> unknown = new ArrayList<>();
        object.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        });
        unknown.stream().sorted().forEach(name -> errors.add(new FieldError(at + name, message)));
    }

    /**
     * A whole JSON number that fits a long (1.0 and 2.5 are not, nor "1").
     */
    public static boolean isWhole(JsonNode node) {
        return node != null && (node.isInt() || node.isLong());
    }

    /**
     * The node as the plain Java value Jackson gives an untyped field (Integer, Long,
     * BigInteger, Double, BigDecimal, String, Boolean, List, Map, null), for the domain's
     * readers of free-form values such as score inputs.
     */
    public static Object plain(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> map.put(field.getKey(), plain(field.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(plain(element)));
            return list;
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    /** A JSON object's fields as plain values ({@link #plain}), in their order. */
    public static Map<String, Object> plainFields(JsonNode object) {
        Map<String, Object> fields = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> fields.put(field.getKey(), plain(field.getValue())));
        return fields;
    }

}
