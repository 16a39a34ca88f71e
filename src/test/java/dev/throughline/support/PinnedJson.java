package dev.throughline.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins an API answer field by field: every field, its JSON type and value (200 is not
 * 200.0, null is not absent), object fields in any order, arrays in order (Jackson's tree
 * equality). Two ways to give the expected answer:
 * <ul>
 * <li>a file {@code src/test/resources/pinned/<name>.json} holding {@code {status, body}}
 * ({@link #assertPinned(String, int, JsonNode)}); values that change from run to run
 * (times) are masked by field name, only when textual, as {@code "<varies>"}, so their
 * presence and type stay pinned. {@code -Dthroughline.pin.record=true} writes the files
 * from today's answers instead of comparing; a reviewer then sees any change of the
 * contract as a diff of those files;</li>
 * <li>JSON in the test's code ({@link #assertPinned(String, String, String...)}), with
 * the fields that differ per run (ids, instants) named: each is replaced by
 * {@code "<TYPE>"} (e.g. {@code "<STRING>"}), so the pin still checks that the field is
 * there and of which type.</li>
 * </ul>
 */
public final class PinnedJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private static final Path DIRECTORY = Path.of("src/test/resources/pinned");

    private static final Set<String> VOLATILE = Set.of("timeStamp", "updatedAt", "at");

    private PinnedJson() {
    }

    /**
     * The answer {@code status} and {@code body} equal the pinned file
     * {@code pinned/<name>.json}.
     */
    public static void assertPinned(String name, int status, JsonNode body) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("status", status);
        answer.set("body", mask(body.deepCopy(), VOLATILE, value -> value.isTextual() ? "<varies>" : null));
        Path file = DIRECTORY.resolve(name + ".json");
        try {
            if (Boolean.getBoolean("throughline.pin.record")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, JSON.writeValueAsString(JSON.treeToValue(answer, Object.class)) + "\n");
                return;
            }
            assertThat(Files.exists(file)).as("pinned answer %s exists", file).isTrue();
            JsonNode pinned = JSON.readTree(file.toFile());
            assertThat(answer).as("answer %s (pinned in %s)", name, file).isEqualTo(pinned);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code actual} equals {@code expected} but for the {@code masked} fields' values.
     */
    public static void assertPinned(String actual, String expected, String... masked) {
        JsonNode tree = mask(read(actual), Set.of(masked), value -> "<" + value.getNodeType() + ">");
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

    /**
     * Replaces the value of every field named in {@code fields} by {@code mask} of it
     * (kept when that is null), at any depth.
     */
    private static JsonNode mask(JsonNode node, Set<String> fields, Function<JsonNode, String> mask) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> entries = object.fields(); entries.hasNext();) {
                Map.Entry<String, JsonNode> field = entries.next();
                String masked = fields.contains(field.getKey()) ? mask.apply(field.getValue()) : null;
                if (masked != null) {
                    field.setValue(new TextNode(masked));
                }
                else {
                    mask(field.getValue(), fields, mask);
                }
            }
        }
        else if (node.isArray()) {
            node.forEach(element -> mask(element, fields, mask));
        }
        return node;
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
