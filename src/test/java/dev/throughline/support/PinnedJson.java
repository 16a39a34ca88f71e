package dev.throughline.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins an API answer field by field: every field, its JSON type and value, object fields
 * in any order (Jackson's tree equality). Values that differ per run (ids, instants) are
 * named as masked: each is replaced by {@code "<TYPE>"} (e.g. {@code "<STRING>"}), so the
 * pin still checks that the field is there and of which type.
 */
public final class PinnedJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PinnedJson() {
    }

    public static void assertPinned(String actual, String expected, String... masked) {
        JsonNode tree = read(actual);
        mask(tree, Set.of(masked));
        assertThat(tree).as("answer %s", actual).isEqualTo(read(expected));
    }

    /**
     * The expected 409 of a stale save, as every version-checked endpoint answers it
     * ({@code timeStamp} masked).
     */
    public static String staleAnswer(String message, String currentJson) {
        return "{\"status\":409,\"error\":\"Conflict\",\"message\":" + new TextNode(message)
                + ",\"timeStamp\":\"<STRING>\","
                + "\"errors\":[{\"field\":\"version\",\"message\":\"is not the current version\"}],\"current\":"
                + currentJson + "}";
    }

    private static void mask(JsonNode node, Set<String> masked) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (masked.contains(field.getKey())) {
                    field.setValue(new TextNode("<" + field.getValue().getNodeType() + ">"));
                }
                else {
                    mask(field.getValue(), masked);
                }
            }
        }
        else if (node.isArray()) {
            node.forEach(element -> mask(element, masked));
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

}
