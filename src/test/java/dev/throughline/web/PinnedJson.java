package dev.throughline.web;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins an API answer (status and body) to a file under {@code src/test/resources/pinned},
 * so a refactoring of how an answer is built cannot change it. The comparison is
 * Jackson's tree equality: every field, every type (200 is not 200.0, null is not
 * absent), objects in any order, arrays in order. Values that change from run to run
 * (times) are masked by field name, only when textual, so their presence and type stay
 * pinned.
 * <p>
 * {@code -Dthroughline.pin.record=true} writes the files from today's answers instead of
 * comparing; a reviewer then sees any change of the contract as a diff of those files.
 */
public final class PinnedJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private static final Path DIRECTORY = Path.of("src/test/resources/pinned");

    private static final Set<String> VOLATILE = Set.of("timeStamp", "updatedAt", "at");

    private static final String MASK = "<varies>";

    private PinnedJson() {
    }

    public static void assertPinned(String name, int status, JsonNode body) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("status", status);
        answer.set("body", mask(body.deepCopy()));
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

    private static JsonNode mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (VOLATILE.contains(field.getKey()) && field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(MASK));
                }
                else {
                    mask(field.getValue());
                }
            }
        }
        else if (node.isArray()) {
            node.forEach(PinnedJson::mask);
        }
        return node;
    }

}
