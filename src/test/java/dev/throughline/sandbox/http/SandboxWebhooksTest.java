package dev.throughline.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.throughline.sandbox.SandboxIssue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site sends issue property webhooks whoever writes: a single set, a bulk set and a
 * deletion through REST, each with Jira's timestamp, the property and the issue.
 */
class SandboxWebhooksTest extends DemoSandboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyPropertyWriteIsSentWithThePropertyTheIssueAndARisingTimestamp() throws Exception {
        sandbox.webhooks().hold();
        SandboxIssue web7 = sandbox.site().requireIssue("WEB-7");
        SandboxIssue web8 = sandbox.site().requireIssue("WEB-8");

        http.put("/rest/api/3/issue/WEB-7/properties/throughline.value", Map.of("score", 5, "model", "RICE"));
        http.post("/rest/api/3/issue/properties/multi", Map.of("issues", List.of(Map.of("issueID", web8.id(),
                "properties", Map.of("throughline.themes", Map.of("themeIds", List.of("t1")))))));
        http.delete("/rest/api/3/issue/WEB-7/properties/throughline.value");

        List<JsonNode> sent = sandbox.webhooks().takeHeld().stream().map(body -> {
            try {
                return JSON.readTree(body);
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(sent).extracting(n -> n.path("webhookEvent").asText())
            .containsExactly("issue_property_set", "issue_property_set", "issue_property_deleted");
        assertThat(sent.get(0).path("property").path("value").path("score").asInt()).isEqualTo(5);
        assertThat(sent.get(0).path("issue").path("id").asText()).isEqualTo(String.valueOf(web7.id()));
        assertThat(sent.get(0).path("issue").path("fields").path("project").path("key").asText()).isEqualTo("WEB");
        assertThat(sent.get(1).path("issue").path("key").asText()).isEqualTo(web8.key());
        assertThat(sent.get(1).path("property").path("key").asText()).isEqualTo("throughline.themes");
        assertThat(sent.get(2).path("property").has("value")).isFalse();
        assertThat(sent.get(0).path("timestamp").asLong()).isLessThan(sent.get(1).path("timestamp").asLong());
        assertThat(sent.get(1).path("timestamp").asLong()).isLessThan(sent.get(2).path("timestamp").asLong());
        assertThat(sandbox.webhooks().takeHeld()).isEmpty();
    }

}
