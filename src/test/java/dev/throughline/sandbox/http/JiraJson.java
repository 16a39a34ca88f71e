package dev.throughline.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.throughline.sandbox.PropertyStore;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON helpers shared by the endpoints: Jira's error shapes, date format and body
 * parsing.
 */
final class JiraJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final int MAX_PROPERTY_BYTES = 32_768;

    private static final DateTimeFormatter JIRA_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
        .withZone(ZoneOffset.UTC);

    private JiraJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Jira's "2026-11-23T12:00:00.000+0000". */
    static String dateTime(Instant instant) {
        return JIRA_DATE_TIME.format(instant);
    }

    static SandboxResponse ok(JsonNode node) {
        return respond(200, node);
    }

    static SandboxResponse respond(int status, JsonNode node) {
        try {
            return SandboxResponse.json(status, MAPPER.writeValueAsString(node));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jira's ErrorCollection: {errorMessages:[...], errors:{}}. */
    static SandboxResponse errors(int status, String... messages) {
        ObjectNode body = object();
        ArrayNode list = body.putArray("errorMessages");
        for (String m : messages)
            list.add(m);
        body.putObject("errors");
        return respond(status, body);
    }

    /** Connect's OperationMessage: {message, statusCode}. */
    static SandboxResponse operationMessage(int status, String message) {
        return respond(status, object().put("message", message).put("statusCode", status));
    }

    static JsonNode parse(String body) {
        if (body == null || body.isBlank())
            throw new SandboxRequest.BadRequest("The request body is empty.");
        try {
            return MAPPER.readTree(body);
        }
        catch (JsonProcessingException e) {
            throw new SandboxRequest.BadRequest("The request body is not valid JSON.");
        }
    }

    static ObjectNode parseObject(String body) {
        JsonNode node = parse(body);
        if (!node.isObject())
            throw new SandboxRequest.BadRequest("The request body must be a JSON object.");
        return (ObjectNode) node;
    }

    /**
     * A property value as a plain Java tree for the model; rejects values Jira would
     * reject.
     */
    static Object propertyValue(String body) {
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_PROPERTY_BYTES) {
            throw new SandboxRequest.BadRequest(
                    "The property value is too long. The maximum length is 32768 characters.");
        }
        return plain(parse(body));
    }

    static Object plain(JsonNode node) {
        if (node.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PROPERTY_BYTES) {
            throw new SandboxRequest.BadRequest(
                    "The property value is too long. The maximum length is 32768 characters.");
        }
        return MAPPER.convertValue(node, Object.class);
    }

    static JsonNode tree(Object plainValue) {
        return MAPPER.valueToTree(PropertyStore.unwrap(plainValue));
    }

    /**
     * Reads "fields"/"properties" given as a JSON array of (possibly comma-joined)
     * strings or as one string.
     */
    static List<String> stringList(JsonNode node) {
        if (node == null || node.isNull())
            return null;
        ArrayList<String> list = new ArrayList<>();
        Iterable<JsonNode> items = node.isArray() ? node : List.of(node);
        for (JsonNode item : items) {
            for (String part : item.asText().split(","))
                if (!part.isBlank())
                    list.add(part.trim());
        }
        return list;
    }

}
