package dev.throughline.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.SandboxIssue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PropertyEndpointTest extends DemoSandboxTest {

    @Test
    void writtenIssuePropertyReadsBackAndIsVisibleToJqlThroughTheValueScoreAlias() {
        String path = "/rest/api/3/issue/WEB-7/properties/throughline.value";
        assertThat(http.put(path, Map.of("score", 64, "model", "wsjf")).status()).isEqualTo(201);
        assertThat(http.put(path, Map.of("score", 65, "model", "wsjf")).status()).isEqualTo(200);

        JsonNode read = http.get(path).json();
        assertThat(read.get("key").asText()).isEqualTo("throughline.value");
        assertThat(read.get("value").get("score").asInt()).isEqualTo(65);
        SandboxIssue web7 = sandbox.site().requireIssue("WEB-7");
        assertThat(http.get("/rest/api/3/issue/" + web7.id() + "/properties/throughline.value").status())
            .isEqualTo(200);

        JsonNode found = http
            .post("/rest/api/3/search/jql", Map.of("jql", "project = WEB AND valueScore >= 40", "fields",
                    List.of("key"), "properties", List.of("throughline.value")))
            .json()
            .get("issues");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("key").asText()).isEqualTo("WEB-7");
        assertThat(found.get(0).get("properties").get("throughline.value").get("score").asInt()).isEqualTo(65);
        assertThat(http.post("/rest/api/3/search/jql", Map.of("jql", "project = WEB AND valueScore > 65"))
            .json()
            .get("issues")).isEmpty();
    }

    @Test
    void deleteRemovesTheProperty() {
        http.put("/rest/api/3/issue/WEB-7/properties/p", Map.of("a", 1));
        assertThat(http.delete("/rest/api/3/issue/WEB-7/properties/p").status()).isEqualTo(204);
        assertThat(http.get("/rest/api/3/issue/WEB-7/properties/p").status()).isEqualTo(404);
        assertThat(http.delete("/rest/api/3/issue/WEB-7/properties/p").status()).isEqualTo(404);
    }

    @Test
    void unknownIssuesAndPropertiesAnswer404InJirasErrorShape() {
        SandboxHttp.Reply noIssue = http.get("/rest/api/3/issue/NOPE-1/properties/x");
        assertThat(noIssue.status()).isEqualTo(404);
        assertThat(noIssue.json().get("errorMessages")).hasSize(1);
        assertThat(http.put("/rest/api/3/issue/WEB-99999/properties/x", Map.of("a", 1)).status()).isEqualTo(404);
        assertThat(http.get("/rest/api/3/issue/WEB-1/properties/never.set").status()).isEqualTo(404);
    }

    @Test
    void valuesOverThirtyTwoKilobytesAndInvalidJsonAreRejected() {
        String big = "\"" + "x".repeat(32_800) + "\"";
        assertThat(http.put("/rest/api/3/issue/WEB-1/properties/big", big).status()).isEqualTo(400);
        assertThat(http.put("/rest/api/3/issue/WEB-1/properties/bad", "{not json").status()).isEqualTo(400);
        assertThat(http.put("/rest/api/3/issue/WEB-1/properties/ok", "\"" + "x".repeat(32_000) + "\"").status())
            .isEqualTo(201);
    }

    @Test
    void projectPropertiesWorkByKeyAndId() {
        assertThat(http.put("/rest/api/3/project/WEB/properties/throughline.config", Map.of("enabled", true)).status())
            .isEqualTo(201);
        assertThat(http.get("/rest/api/3/project/10000/properties/throughline.config")
            .json()
            .get("value")
            .get("enabled")
            .asBoolean()).isTrue();
        assertThat(http.get("/rest/api/3/project/NOPE/properties/throughline.config").status()).isEqualTo(404);
    }

    @Test
    void appPropertiesUseConnectShapes() {
        String base = "/rest/atlassian-connect/1/addons/dev.throughline/properties";
        SandboxHttp.Reply created = http.put(base + "/settings", Map.of("theme", "dark"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("statusCode").asInt()).isEqualTo(201);
        assertThat(http.put(base + "/settings", Map.of("theme", "light")).status()).isEqualTo(200);

        JsonNode got = http.get(base + "/settings").json();
        assertThat(got.get("key").asText()).isEqualTo("settings");
        assertThat(got.get("value").get("theme").asText()).isEqualTo("light");
        assertThat(got.has("self")).as("the spec's EntityProperty allows only key and value").isFalse();

        SandboxHttp.Reply missing = http.get(base + "/nothing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("statusCode").asInt()).isEqualTo(404);
        assertThat(http.put(base + "/" + "k".repeat(128), Map.of()).status()).isEqualTo(400);
        assertThat(http.delete(base + "/settings").status()).isEqualTo(204);
    }

    @Test
    void bulkSetAnswers303WithACompletedTask() {
        long a = sandbox.site().requireIssue("WEB-1").id();
        long b = sandbox.site().requireIssue("MOB-1").id();
        SandboxHttp.Reply reply = http.post("/rest/api/3/issue/properties/multi",
                Map.of("issues",
                        List.of(Map.of("issueID", a, "properties", Map.of("throughline.value", Map.of("score", 90))),
                                Map.of("issueID", b, "properties", Map.of("throughline.value", Map.of("score", 10))))));
        assertThat(reply.status()).isEqualTo(303);
        String location = reply.header("Location").orElseThrow();
        assertThat(location).startsWith(sandbox.baseUrl() + "/rest/api/3/task/");

        JsonNode task = http.get(location.substring(sandbox.baseUrl().length())).json();
        assertThat(task.get("status").asText()).isEqualTo("COMPLETE");
        assertThat(task.get("progress").asInt()).isEqualTo(100);
        assertThat(http.post("/rest/api/3/search/approximate-count", Map.of("jql", "valueScore >= 50"))
            .json()
            .get("count")
            .asInt()).isEqualTo(1);
    }

    @Test
    void bulkSetWithAnUnknownIssueFailsTheTaskButWritesTheKnownIssues() {
        long known = sandbox.site().requireIssue("WEB-2").id();
        SandboxHttp.Reply reply = http.post("/rest/api/3/issue/properties/multi",
                Map.of("issues", List.of(Map.of("issueID", known, "properties", Map.of("p", 1)),
                        Map.of("issueID", 999_999, "properties", Map.of("p", 2)))));
        JsonNode task = http.get(reply.header("Location").orElseThrow().substring(sandbox.baseUrl().length())).json();
        assertThat(task.get("status").asText()).isEqualTo("FAILED");
        assertThat(task.get("result").get("failedIssueIds").get(0).asLong()).isEqualTo(999_999);
        assertThat(sandbox.site().issueProperty(known, "p")).contains(1);
        assertThat(http.get("/rest/api/3/task/1").status()).isEqualTo(404);
        assertThat(http.post("/rest/api/3/issue/properties/multi", Map.of("issues", List.of())).status())
            .isEqualTo(400);
    }

}
