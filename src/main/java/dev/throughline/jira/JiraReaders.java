package dev.throughline.jira;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/** Turns Jira's JSON answers into the package's records. */
final class JiraReaders {

    private JiraReaders() {
    }

    static JiraIssue issue(JsonNode node) {
        Map<String, PropertyValue> properties = new LinkedHashMap<>();
        node.path("properties")
            .fields()
            .forEachRemaining(e -> properties.put(e.getKey(), PropertyValue.of(e.getValue())));
        JsonNode fields = node.path("fields");
        return new JiraIssue(node.path("id").asText(), node.path("key").asText(),
                fields.isObject() ? IssueFields.of(Json.toMap(fields)) : IssueFields.none(), properties);
    }

    /**
     * A search answer: the keys and the next page token are read at once in one streaming
     * pass that skips the issues' fields and properties; the issues are parsed in full on
     * first use. A rollup asks for the next page right after the first pass and parses
     * this one while Jira answers.
     */
    static SearchPage searchPage(byte[] body) {
        List<String> keys = new ArrayList<>();
        String token = null;
        Boolean isLast = null;
        if (body != null && body.length > 0) {
            try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
                if (parser.nextToken() == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.getCurrentName();
                        JsonToken value = parser.nextToken();
                        if ("issues".equals(name) && value == JsonToken.START_ARRAY) {
                            readKeys(parser, keys);
                        }
                        else if ("nextPageToken".equals(name) && value == JsonToken.VALUE_STRING) {
                            token = parser.getText();
                        }
                        else if ("isLast".equals(name) && value.isBoolean()) {
                            isLast = value == JsonToken.VALUE_TRUE;
                        }
                        else {
                            parser.skipChildren();
                        }
                    }
                }
                else {
                    parser.skipChildren();
                }
                if (parser.nextToken() != null) {
                    throw new UncheckedIOException(new IOException("Jira sent more than one JSON value"));
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException("Jira sent a body that is not JSON", e);
            }
        }
        Optional<String> next = Optional.ofNullable(token).filter(t -> !t.isBlank());
        boolean last = isLast == null ? next.isEmpty() : isLast;
        return SearchPage.parsedOnUse(keys, last ? Optional.empty() : next,
                () -> list(Json.parse(body).path("issues"), JiraReaders::issue));
    }

    /**
     * Each issue's key (or "" as {@link #issue} reads a missing one), skipping everything
     * else.
     */
    private static void readKeys(JsonParser parser, List<String> keys) throws IOException {
        JsonToken item;
        while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (item != JsonToken.START_OBJECT) {
                parser.skipChildren();
                keys.add("");
                continue;
            }
            String key = "";
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.getCurrentName();
                JsonToken value = parser.nextToken();
                if ("key".equals(field) && value.isScalarValue()) {
                    key = value == JsonToken.VALUE_NULL ? "null" : parser.getText();
                }
                else {
                    parser.skipChildren();
                }
            }
            keys.add(key);
        }
    }

    static SearchPage searchPage(JsonNode body) {
        List<JiraIssue> issues = list(body.path("issues"), JiraReaders::issue);
        Optional<String> token = Optional.ofNullable(Json.text(body, "nextPageToken")).filter(t -> !t.isBlank());
        boolean last = body.path("isLast").asBoolean(token.isEmpty());
        return new SearchPage(issues, last ? Optional.empty() : token);
    }

    static <T> List<T> list(JsonNode array, Function<JsonNode, T> read) {
        List<T> items = new ArrayList<>(array.size());
        array.forEach(item -> items.add(read.apply(item)));
        return items;
    }

    /**
     * A startAt-paged answer ({@code values} or {@code issues}); the next startAt unless
     * this page is the last.
     */
    static <T> LazyPages.Page<Integer, T> startAtPage(JsonNode body, String itemsField, int startAt,
            Function<JsonNode, T> read) {
        List<T> items = list(body.path(itemsField), read);
        int next = startAt + items.size();
        boolean last;
        if (items.isEmpty()) {
            last = true;
        }
        else if (body.has("isLast")) {
            last = body.get("isLast").asBoolean();
        }
        else if (body.has("total")) {
            last = next >= body.get("total").asInt();
        }
        else {
            last = items.size() < body.path("maxResults").asInt(Integer.MAX_VALUE);
        }
        return new LazyPages.Page<>(items, last ? Optional.empty() : Optional.of(next));
    }

    static Board board(JsonNode node) {
        JsonNode location = node.path("location");
        return new Board(node.path("id").asLong(), node.path("name").asText(""), node.path("type").asText(),
                location.hasNonNull("projectId") ? Optional.of(location.get("projectId").asLong()) : Optional.empty(),
                Optional.ofNullable(Json.text(location, "projectKey")));
    }

    static Sprint sprint(JsonNode node) {
        return new Sprint(node.path("id").asLong(), node.path("name").asText(""), node.path("state").asText(),
                instant(node, "startDate"), instant(node, "endDate"));
    }

    private static Optional<Instant> instant(JsonNode node, String field) {
        String text = Json.text(node, field);
        return text == null || text.isBlank() ? Optional.empty()
                : Optional.of(OffsetDateTime.parse(text, IssueFields.JIRA_DATE_TIME).toInstant());
    }

    static BoardConfiguration boardConfiguration(long boardId, JsonNode node) {
        JsonNode rank = node.path("ranking").path("rankCustomFieldId");
        // Jira answers the filter's id as a string of digits
        String filter = Json.text(node.path("filter"), "id");
        return new BoardConfiguration(boardId, node.path("name").asText(""),
                Optional.ofNullable(Json.text(node.path("estimation").path("field"), "fieldId")),
                rank.canConvertToLong() ? Optional.of(rank.asLong()) : Optional.empty(),
                filter != null && filter.matches("[1-9][0-9]{0,17}") ? Optional.of(Long.valueOf(filter))
                        : Optional.empty());
    }

    static JiraField field(JsonNode node) {
        JsonNode schema = node.path("schema");
        return new JiraField(node.path("id").asText(), node.path("name").asText(""), node.path("custom").asBoolean(),
                Optional.ofNullable(Json.text(schema, "type")), Optional.ofNullable(Json.text(schema, "custom")));
    }

    static JiraProject project(JsonNode node) {
        JsonNode count = node.path("insight").path("totalIssueCount");
        return new JiraProject(node.path("id").asLong(), node.path("key").asText(), node.path("name").asText(),
                count.canConvertToLong() && count.isIntegralNumber() ? OptionalLong.of(count.asLong())
                        : OptionalLong.empty());
    }

    static RankOutcome rankEntry(JsonNode node) {
        int status = node.path("status").asInt();
        return new RankOutcome(node.path("issueKey").asText(),
                node.hasNonNull("issueId") ? Optional.of(node.get("issueId").asText()) : Optional.empty(),
                status >= 200 && status < 300, list(node.path("errors"), JsonNode::asText));
    }

    static BulkPropertyResult completedTask(String taskId, JsonNode task) {
        return new BulkPropertyResult(taskId, Optional.ofNullable(Json.text(task, "message")),
                Duration.ofMillis(task.path("elapsedRuntime").asLong()));
    }

}
