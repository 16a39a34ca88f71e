package dev.throughline.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * A JSON object request body as the plain Java values the features' parse methods read
 * field by field (text, Integer / Long / BigInteger / Double as Jackson read the number,
 * booleans, lists, maps, null): handlers take the {@link ObjectNode}, so no handler
 * signature is a raw map, while each field's rules and messages stay where the feature's
 * draft keeps them and no JSON type reaches the domain.
 */
public final class JsonBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private JsonBodies() {
    }

    public static Map<String, Object> fields(ObjectNode body) {
        return JSON.convertValue(body, FIELDS);
    }

}
