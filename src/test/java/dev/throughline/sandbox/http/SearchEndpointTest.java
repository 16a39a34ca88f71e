package dev.throughline.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.SandboxIssue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SearchEndpointTest extends DemoSandboxTest {

    @Test
    void pagesThroughAllMatchesWithNextPageTokenReturningOnlyRequestedFieldsAndProperties() {
        sandbox.site().setIssueProperty("WEB-5", "throughline.value", Map.of("score", 42));
        sandbox.site().setIssueProperty("WEB-5", "other.prop", Map.of("x", 1));
        List<JsonNode> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Map<String, Object> body = new HashMap<>(Map.of("jql", "project = WEB ORDER BY key", "fields",
                    List.of("summary", "status"), "properties", List.of("throughline.value"), "maxResults", 20));
            if (token != null)
                body.put("nextPageToken", token);
            SandboxHttp.Reply reply = http.post("/rest/api/3/search/jql", body);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().has("total")).isFalse();
            reply.json().get("issues").forEach(all::add);
            token = reply.json().path("nextPageToken").asText(null);
            assertThat(reply.json().get("isLast").asBoolean()).isEqualTo(token == null);
            pages++;
        }
        while (token != null);

        long webIssues = sandbox.site().issues().stream().filter(i -> i.projectKey().equals("WEB")).count();
        assertThat(pages).isEqualTo((int) Math.ceil(webIssues / 20.0)).isGreaterThan(3);
        assertThat(all).hasSize((int) webIssues);
        Set<String> keys = new HashSet<>();
        for (JsonNode issue : all) {
            keys.add(issue.get("key").asText());
            assertThat(issue.get("fields").fieldNames()).toIterable().containsExactlyInAnyOrder("summary", "status");
            assertThat(issue.get("fields").get("status").get("statusCategory").get("key").asText()).isIn("new",
                    "indeterminate", "done");
        }
        assertThat(keys).hasSize((int) webIssues);
        JsonNode web5 = all.stream().filter(i -> i.get("key").asText().equals("WEB-5")).findFirst().orElseThrow();
        assertThat(web5.get("properties").get("throughline.value").get("score").asInt()).isEqualTo(42);
        assertThat(web5.get("properties").has("other.prop")).isFalse();
    }

    @Test
    void defaultsToIdsOnlyAndFiftyPerPage() {
        SandboxHttp.Reply reply = http.post("/rest/api/3/search/jql", Map.of("jql", "project = WEB"));
        JsonNode issues = reply.json().get("issues");
        assertThat(issues).hasSize(50);
        assertThat(issues.get(0).fieldNames()).toIterable().containsExactly("id");
        assertThat(reply.json().get("isLast").asBoolean()).isFalse();
    }

    @Test
    void capsPageSizeAtOneHundredWithFieldsAndFiveThousandForIdsOnly() {
        SandboxHttp.Reply withFields = http.post("/rest/api/3/search/jql",
                Map.of("jql", "project in (WEB, MOB, PLAT)", "fields", List.of("summary"), "maxResults", 1000));
        assertThat(withFields.json().get("issues")).hasSize(100);
        SandboxHttp.Reply idsOnly = http.post("/rest/api/3/search/jql",
                Map.of("jql", "project in (WEB, MOB, PLAT)", "fields", List.of("id", "key"), "maxResults", 1000));
        assertThat(idsOnly.json().get("issues")).hasSize(400);
        assertThat(idsOnly.json().get("isLast").asBoolean()).isTrue();
        assertThat(idsOnly.json().get("issues").get(0).has("fields")).isFalse();
    }

    @Test
    void allFieldsIncludeParentLinksAndTheStoryPointField() {
        SandboxIssue child = sandbox.site()
            .issues()
            .stream()
            .filter(i -> i.type() == IssueType.SUBTASK)
            .findFirst()
            .orElseThrow();
        JsonNode issue = http
            .post("/rest/api/3/search/jql", Map.of("jql", "key = " + child.key(), "fields", List.of("*all")))
            .json()
            .get("issues")
            .get(0);
        JsonNode fields = issue.get("fields");
        assertThat(fields.get("issuetype").get("subtask").asBoolean()).isTrue();
        assertThat(fields.get("issuetype").get("hierarchyLevel").asInt()).isEqualTo(-1);
        JsonNode parent = fields.get("parent");
        assertThat(parent.get("id").asText()).isEqualTo(String.valueOf(child.parentId()));
        assertThat(parent.get("fields").has("summary")).isTrue();
        assertThat(parent.get("fields").get("issuetype").get("hierarchyLevel").asInt()).isZero();
        assertThat(fields.has("customfield_10028")).isTrue();
        assertThat(fields.get("issuelinks").isArray()).isTrue();
        assertThat(fields.get("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
    }

    @Test
    void rejectsUnboundedQueriesUnknownFieldsAndTooManyProperties() {
        assertError(http.post("/rest/api/3/search/jql", Map.of("jql", "ORDER BY created DESC")), "Unbounded");
        assertError(http.post("/rest/api/3/search/jql", Map.of("jql", "")), "Unbounded");
        assertError(http.post("/rest/api/3/search/jql", Map.of("jql", "flavour = vanilla")), "flavour");
        assertError(http.post("/rest/api/3/search/jql",
                Map.of("jql", "project = WEB", "properties", List.of("a", "b", "c", "d", "e", "f"))), "5");
        assertError(http.post("/rest/api/3/search/jql", Map.of("jql", "project = WEB", "nextPageToken", "bogus")),
                "token");
    }

    @Test
    void aTokenFromOneQueryIsRejectedForAnother() {
        String token = http.post("/rest/api/3/search/jql", Map.of("jql", "project = WEB"))
            .json()
            .get("nextPageToken")
            .asText();
        assertThat(http.post("/rest/api/3/search/jql", Map.of("jql", "project = MOB", "nextPageToken", token)).status())
            .isEqualTo(400);
    }

    @Test
    void approximateCountCountsMatchesAndRejectsUnboundedQueries() {
        long done = sandbox.site().issues().stream().filter(i -> i.status().done()).count();
        assertThat(http.post("/rest/api/3/search/approximate-count", Map.of("jql", "statusCategory = Done"))
            .json()
            .get("count")
            .asLong()).isEqualTo(done);
        assertThat(http.post("/rest/api/3/search/approximate-count", Map.of("jql", "order by key")).status())
            .isEqualTo(400);
    }

    private static void assertError(SandboxHttp.Reply reply, String fragment) {
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errorMessages").get(0).asText()).containsIgnoringCase(fragment);
        assertThat(reply.json().get("errors").isObject()).isTrue();
    }

}
