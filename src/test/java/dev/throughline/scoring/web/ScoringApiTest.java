package dev.throughline.scoring.web;

import java.util.Collections;
import dev.throughline.scoring.store.ScoringJiraStore;
import java.net.http.HttpRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scoring API end to end: real app, signed install into a sandbox Jira, context JWTs,
 * scores stored in the issue property and read back, Jira's permissions honoured.
 */
class ScoringApiTest extends InstalledSiteTest {

    static final String OWNER = "po-1";
    static final String VIEWER = "viewer-1";
    static final String OUTSIDER = "outsider-1";
    static final String RICE_200 = "{\"model\":\"RICE\",\"inputs\":{\"reach\":500,\"impact\":2,\"confidence\":80,\"effort\":4},\"version\":0}";

    @Override
    protected void seed(SandboxSite site) {
        site.addUser(OWNER, "Product Owner");
        site.addUser(VIEWER, "Viewer");
        site.addUser(OUTSIDER, "Outsider");
        for (String project : new String[] { "WEB", "MOB" }) {
            site.grant(OWNER, project, "BROWSE_PROJECTS").grant(OWNER, project, "EDIT_ISSUES");
            site.grant(VIEWER, project, "BROWSE_PROJECTS");
        }
    }

    AppUnderTest.Reply put(String issueKey, String body, String accountId) {
        return app().put("/api/issues/" + issueKey + "/value", body, connect.contextToken(accountId));
    }

    AppUnderTest.Reply get(String issueKey, String accountId) {
        return app().get("/api/issues/" + issueKey + "/value", connect.contextToken(accountId));
    }

    @SuppressWarnings("unchecked")
    Optional<Map<String, Object>> stored(String issueKey, String propertyKey) {
        return site.issueProperty(site.requireIssue(issueKey).id(), propertyKey)
            .map(value -> (Map<String, Object>) value);
    }

    @Test
    void savedScoreIsStoredInTheIssuePropertyAndReadBack() {
        AppUnderTest.Reply saved = put("WEB-11", RICE_200, OWNER);

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode value = saved.json().path("value");
        assertThat(value.path("score").decimalValue()).isEqualByComparingTo("200");
        assertThat(value.path("version").asLong()).isEqualTo(1);
        assertThat(value.path("updatedBy").asText()).isEqualTo(OWNER);
        Map<String, Object> property = stored("WEB-11", "throughline.value").orElseThrow();
        assertThat(property).containsEntry("model", "RICE").containsKeys("inputs", "updatedAt", "history");
        assertThat(((Number) property.get("score")).doubleValue()).isEqualTo(200.0);

        JsonNode read = get("WEB-11", VIEWER).json();
        assertThat(read.path("value").path("score").decimalValue()).isEqualByComparingTo("200");
        assertThat(read.path("breakdown").path("formula").asText()).isEqualTo("500 × 2 × 80% ÷ 4 = 200");
        assertThat(read.path("editable").asBoolean()).isFalse();
        assertThat(read.path("rank").asInt()).isBetween(1, read.path("rankOf").asInt());
        assertThat(read.path("rankedAmong").asText()).isEqualTo("RICE-scored issues in WEB");
    }

    @Test
    void savedScoreIsFoundByTheValueScoreJqlAlias() {
        put("WEB-12", RICE_200, OWNER);

        assertThat(site.issues().stream().filter(issue -> issue.key().equals("WEB-12"))).isNotEmpty();
        JsonNode found = sandboxSearch("project = WEB AND valueScore >= 40 AND valueModel = RICE");
        assertThat(found.findValuesAsText("key")).contains("WEB-12");
    }

    @Test
    void sidebarLabelIsUpdatedWhenAScoreIsWritten() {
        put("WEB-13", RICE_200, OWNER);

        Map<String, Object> status = stored("WEB-13", "com.atlassian.jira.issue:throughline:value-context:status")
            .orElseThrow();
        assertThat(status).containsEntry("type", "lozenge");
        assertThat((Map<String, Object>) status.get("value")).containsEntry("label", "RICE 200");
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(Arguments.of("unknown model", "{\"model\":\"MOSCOW\",\"inputs\":{},\"version\":0}", "model"),
                Arguments.of("missing input",
                        "{\"model\":\"RICE\",\"inputs\":{\"reach\":1,\"impact\":1,\"confidence\":50},\"version\":0}",
                        "inputs.effort"),
                Arguments.of("out of range",
                        "{\"model\":\"RICE\",\"inputs\":{\"reach\":1,\"impact\":1,\"confidence\":150,\"effort\":1},\"version\":0}",
                        "inputs.confidence"),
                Arguments.of("zero effort",
                        "{\"model\":\"RICE\",\"inputs\":{\"reach\":1,\"impact\":1,\"confidence\":50,\"effort\":0},\"version\":0}",
                        "inputs.effort"),
                Arguments.of("reach 1e300",
                        "{\"model\":\"RICE\",\"inputs\":{\"reach\":1e300,\"impact\":1,\"confidence\":50,\"effort\":1},\"version\":0}",
                        "inputs.reach"),
                Arguments.of("reach of 20 digits",
                        "{\"model\":\"RICE\",\"inputs\":{\"reach\":12345678901234567890,\"impact\":1,\"confidence\":50,\"effort\":1},\"version\":0}",
                        "inputs.reach"),
                Arguments.of("effort below a hundredth",
                        "{\"model\":\"RICE\",\"inputs\":{\"reach\":1,\"impact\":1,\"confidence\":50,\"effort\":0.000001},\"version\":0}",
                        "inputs.effort"),
                Arguments.of("value/effort effort too large",
                        "{\"model\":\"VALUE_EFFORT\",\"inputs\":{\"value\":50,\"effort\":10001},\"version\":0}",
                        "inputs.effort"),
                Arguments.of("NaN",
                        "{\"model\":\"RICE\",\"inputs\":{\"reach\":NaN,\"impact\":1,\"confidence\":50,\"effort\":1},\"version\":0}",
                        "body"),
                Arguments.of("Infinity",
                        "{\"model\":\"RICE\",\"inputs\":{\"reach\":1,\"impact\":1,\"confidence\":50,\"effort\":Infinity},\"version\":0}",
                        "body"),
                Arguments.of("huge exponent",
                        "{\"model\":\"ICE\",\"inputs\":{\"impact\":1e400,\"confidence\":5,\"ease\":5},\"version\":0}",
                        "inputs.impact"),
                Arguments.of("string",
                        "{\"model\":\"RICE\",\"inputs\":{\"reach\":\"500\",\"impact\":1,\"confidence\":50,\"effort\":1},\"version\":0}",
                        "inputs.reach"),
                Arguments.of("seven decimals",
                        "{\"model\":\"RICE\",\"inputs\":{\"reach\":1,\"impact\":1,\"confidence\":50,\"effort\":0.1234567},\"version\":0}",
                        "inputs.effort"),
                Arguments.of("extra input",
                        "{\"model\":\"ICE\",\"inputs\":{\"impact\":1,\"confidence\":5,\"ease\":5,\"joy\":1},\"version\":0}",
                        "inputs.joy"),
                Arguments.of("extra field",
                        "{\"model\":\"ICE\",\"inputs\":{\"impact\":1,\"confidence\":5,\"ease\":5},\"version\":0,\"score\":99}",
                        "score"),
                Arguments.of("missing version",
                        "{\"model\":\"ICE\",\"inputs\":{\"impact\":1,\"confidence\":5,\"ease\":5}}", "version"),
                Arguments.of("not JSON", "{\"model\":", "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badInputGets400NamingTheFieldAndWritesNothing(String name, String body, String field) {
        AppUnderTest.Reply reply = put("MOB-5", body, OWNER);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().path("errors").findValuesAsText("field")).contains(field);
        assertThat(stored("MOB-5", "throughline.value")).isEmpty();
        assertThat(jira.servedCount(JiraSandbox.ISSUE_PROPERTY_PUT)).isZero();
    }

    @Test
    void staleVersionGets409WithTheCurrentValueAndWritesNothing() {
        put("WEB-14", RICE_200, OWNER);
        Map<String, Object> before = stored("WEB-14", "throughline.value").orElseThrow();

        // still claims version 0, with other inputs (the very same save sent again is
        // answered as saved)
        AppUnderTest.Reply reply = put("WEB-14", RICE_200.replace("\"reach\":500", "\"reach\":600"), OWNER);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().path("current").path("version").asLong()).isEqualTo(1);
        assertThat(stored("WEB-14", "throughline.value").orElseThrow()).isEqualTo(before);
    }

    @Test
    void userWhoCannotEditTheIssueGets403AndWritesNothing() {
        AppUnderTest.Reply reply = put("WEB-15", RICE_200, VIEWER);

        assertThat(reply.status()).as(reply.body()).isEqualTo(403);
        assertThat(reply.json().path("message").asText()).contains("cannot edit");
        assertThat(stored("WEB-15", "throughline.value")).isEmpty();
    }

    @Test
    void userWhoCannotBrowseTheProjectGets404() {
        put("WEB-16", RICE_200, OWNER);

        assertThat(get("WEB-16", OUTSIDER).status()).isEqualTo(404);
        assertThat(put("WEB-16", RICE_200.replace("\"version\":0", "\"version\":1"), OUTSIDER).status()).isEqualTo(404);
    }

    @Test
    void unknownIssueGets404WithAClearMessage() {
        AppUnderTest.Reply reply = get("WEB-99999", OWNER);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("message").asText()).contains("WEB-99999");
    }

    @Test
    void rankAndPercentileAreComputedAmongTheProjectsIssuesOfTheSameModel() {
        put("MOB-21", rice(100), OWNER);
        put("MOB-22", rice(300), OWNER);
        put("MOB-23", rice(200), OWNER);

        JsonNode middle = get("MOB-23", OWNER).json();

        assertThat(middle.path("rankOf").asInt()).isGreaterThanOrEqualTo(3);
        JsonNode top = get("MOB-22", OWNER).json();
        assertThat(top.path("rank").asInt()).isLessThan(middle.path("rank").asInt());
        assertThat(top.path("percentile").asInt()).isGreaterThan(middle.path("percentile").asInt());
    }

    static String wsjf(int businessValue, long version) {
        return "{\"model\":\"WSJF\",\"inputs\":{\"businessValue\":" + businessValue
                + ",\"timeCriticality\":5,\"riskReduction\":3,\"jobSize\":5},\"version\":" + version + "}";
    }

    @Test
    void aStoredModelNameIsSearchedAsTextNeverAsJql() {
        assertThat(put("MOB-50", RICE_200, OWNER).status()).isEqualTo(200);
        assertThat(put("WEB-40", RICE_200.replace("\"reach\":500", "\"reach\":100"), OWNER).status()).isEqualTo(200);
        Map<String, Object> tampered = new LinkedHashMap<>(stored("WEB-40", "throughline.value").orElseThrow());
        tampered.put("model", "RICE\" OR project = \"MOB");
        site.setIssueProperty("WEB-40", "throughline.value", tampered);

        JsonNode read = get("WEB-40", VIEWER).json();

        // ranked among WEB issues stored with exactly that model text: itself only, never
        // MOB's scores
        assertThat(read.path("rankOf").asInt()).isEqualTo(1);
        assertThat(read.path("unreadableLeftOut").asInt()).isZero();
    }

    @Test
    void aMalformedValueInTheProjectIsLeftOutOfRankingsAndReadAsUnscoredAndCanBeScoredAfresh() {
        // written by another tool or an older version: not a complete score record
        // (before
        // the first view of MOB reads the project into the read model, which sees another
        // tool's property writes at its next full read or reconciliation)
        site.setIssueProperty("MOB-33", "throughline.value", Map.of("score", 5, "model", "WSJF"));
        site.setIssueProperty("MOB-34", "throughline.value", Map.of("score", 9, "model", "WSJF", "version", 3));
        site.setIssueProperty("MOB-35", "throughline.value", "legacy");
        put("MOB-31", wsjf(8, 0), OWNER);
        put("MOB-32", wsjf(2, 0), OWNER);

        AppUnderTest.Reply scored = get("MOB-31", VIEWER);
        assertThat(scored.status()).as(scored.body()).isEqualTo(200);
        assertThat(scored.json().path("rank").asInt()).isEqualTo(1);
        assertThat(scored.json().path("rankOf").asInt()).isEqualTo(2);
        assertThat(scored.json().path("percentile").asInt()).isEqualTo(100);
        assertThat(scored.json().path("unreadableLeftOut").asInt()).isEqualTo(2);
        assertThat(scored.json().path("unreadable").asBoolean()).isFalse();

        for (String key : new String[] { "MOB-33", "MOB-34", "MOB-35" }) {
            AppUnderTest.Reply malformed = get(key, OWNER);
            assertThat(malformed.status()).as(malformed.body()).isEqualTo(200);
            assertThat(malformed.json().path("unreadable").asBoolean()).isTrue();
            assertThat(malformed.json().path("unreadableNote").asText()).contains("could not be read", key);
            assertThat(malformed.json().path("value").isNull()).isTrue();
            assertThat(malformed.json().path("rank").isNull()).isTrue();
        }

        // a write over it: version 0 (what the panel sends for an unscored issue) or the
        // number it stores
        AppUnderTest.Reply afresh = put("MOB-33", wsjf(5, 0), OWNER);
        assertThat(afresh.status()).as(afresh.body()).isEqualTo(200);
        assertThat(afresh.json().path("value").path("version").asLong()).isEqualTo(1);
        assertThat(afresh.json().path("unreadable").asBoolean()).isFalse();
        assertThat(afresh.json().path("rankOf").asInt()).isEqualTo(3);
        assertThat(put("MOB-34", wsjf(5, 2), OWNER).status()).isEqualTo(409);
        assertThat(put("MOB-34", wsjf(5, 3), OWNER).status()).isEqualTo(200);
        assertThat(stored("MOB-34", "throughline.value").orElseThrow()).containsEntry("model", "WSJF")
            .containsKey("history");

        // the bulk path (inline editor, set model) replaces it too
        AppUnderTest.Reply bulk = app().post("/api/value/bulk", "{\"items\":[" + item("MOB-35", 0) + "]}",
                connect.contextToken(OWNER));
        assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
        assertThat(bulk.json().path("results").findValuesAsText("outcome")).containsExactly("WRITTEN");
        assertThat(get("MOB-31", VIEWER).json().path("unreadableLeftOut").asInt()).isZero();
    }

    @Test
    void historySaysWhoChangedWhatWithOldAndNewScore() {
        put("WEB-17", RICE_200, OWNER);
        put("WEB-17", rice(1000).replace("\"version\":0", "\"version\":1"), OWNER);

        JsonNode history = get("WEB-17", OWNER).json().path("value").path("history");

        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("score").decimalValue()).isEqualByComparingTo("400");
        assertThat(history.get(0).path("previousScore").decimalValue()).isEqualByComparingTo("200");
        assertThat(history.get(0).path("by").asText()).isEqualTo(OWNER);
    }

    @Test
    void previewScoresWithoutSaving() {
        AppUnderTest.Reply reply = app().post("/api/scoring/evaluate",
                "{\"model\":\"WSJF\",\"inputs\":{\"businessValue\":8,\"timeCriticality\":5,\"riskReduction\":3,\"jobSize\":5}}",
                connect.contextToken(OWNER));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("valid").asBoolean()).isTrue();
        assertThat(reply.json().path("score").decimalValue()).isEqualByComparingTo("3.2");
        assertThat(jira.servedCount(JiraSandbox.ISSUE_PROPERTY_PUT)).isZero();
    }

    @Test
    void previewOfADraftListsTheWrongInputsWithoutFailing() {
        AppUnderTest.Reply reply = app().post("/api/scoring/evaluate",
                "{\"model\":\"RICE\",\"inputs\":{\"reach\":10,\"effort\":0}}", connect.contextToken(OWNER));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("valid").asBoolean()).isFalse();
        assertThat(reply.json().path("errors").findValuesAsText("field")).containsExactly("inputs.impact",
                "inputs.confidence", "inputs.effort");
    }

    @Test
    void bulkWritesEveryIssueInOneJiraTask() {
        AppUnderTest.Reply reply = app().post("/api/value/bulk",
                "{\"items\":[" + item("WEB-31", 0) + "," + item("WEB-32", 0) + "]}", connect.contextToken(OWNER));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("written").asBoolean()).isTrue();
        assertThat(reply.json().path("results").findValuesAsText("outcome")).containsExactly("WRITTEN", "WRITTEN");
        assertThat(stored("WEB-31", "throughline.value")).isPresent();
        assertThat(stored("WEB-32", "throughline.value")).isPresent();
        assertThat(jira.servedCount(JiraSandbox.ISSUE_PROPERTIES_MULTI)).isEqualTo(1);
    }

    @Test
    void bulkWithOneStaleItemWritesNothingAndSaysWhich() {
        put("WEB-33", RICE_200, OWNER);
        jira.resetTraffic();

        AppUnderTest.Reply reply = app().post("/api/value/bulk",
                "{\"items\":[" + item("WEB-34", 0) + "," + item("WEB-33", 0) + "]}", connect.contextToken(OWNER));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().path("written").asBoolean()).isFalse();
        assertThat(reply.json().path("results").findValuesAsText("outcome")).containsExactly("READY", "STALE");
        assertThat(stored("WEB-34", "throughline.value")).isEmpty();
        assertThat(jira.servedCount(JiraSandbox.ISSUE_PROPERTIES_MULTI)).isZero();
    }

    @Test
    void bulkWithAnUnknownIssueWritesNothing() {
        AppUnderTest.Reply reply = app().post("/api/value/bulk",
                "{\"items\":[" + item("WEB-35", 0) + "," + item("WEB-88888", 0) + "]}", connect.contextToken(OWNER));

        assertThat(reply.status()).as(reply.body()).isEqualTo(404);
        assertThat(reply.json().path("results").findValuesAsText("outcome")).containsExactly("READY", "NOT_FOUND");
        assertThat(stored("WEB-35", "throughline.value")).isEmpty();
    }

    @Test
    void bulkWithBadInputAnywhereGets400BeforeJiraIsAsked() {
        String bad = "{\"issueKey\":\"WEB-37\",\"model\":\"RICE\",\"inputs\":{\"reach\":1,\"impact\":1,\"confidence\":50,\"effort\":-1},\"version\":0}";

        AppUnderTest.Reply reply = app().post("/api/value/bulk", "{\"items\":[" + item("WEB-36", 0) + "," + bad + "]}",
                connect.contextToken(OWNER));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").findValuesAsText("field")).containsExactly("items[1].inputs.effort");
        assertThat(stored("WEB-36", "throughline.value")).isEmpty();
        assertThat(jira.servedCount(JiraSandbox.ISSUE_PROPERTIES_MULTI)).isZero();
    }

    @Test
    void bulkOfMoreThanAHundredItemsIsRejected() {
        String items = String.join(",", Collections.nCopies(101, item("WEB-38", 0)));

        AppUnderTest.Reply reply = app().post("/api/value/bulk", "{\"items\":[" + items + "]}",
                connect.contextToken(OWNER));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").findValuesAsText("field")).contains("items");
    }

    @Test
    void panelOpensFromJirasSignedIframeUrl() {
        String path = "/panels/issue-value";
        String query = "issueKey=WEB-11&projectKey=WEB";

        AppUnderTest.Reply page = app().get(path + "?" + query, connect.requestToken("GET", path, query, OWNER));

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("data-issue-key=\"WEB-11\"");
        assertThat(app().get(path + "?" + query, null).status()).isEqualTo(401);
    }

    @Test
    void descriptorIndexesTheValuePropertyAndDeclaresTheSidebarContext() {
        JsonNode modules = app().get("/atlassian-connect.json", null).json().path("modules");

        JsonNode extractions = modules.path("jiraEntityProperties").get(0).path("keyConfigurations").get(0);
        assertThat(extractions.path("propertyKey").asText()).isEqualTo("throughline.value");
        assertThat(extractions.path("extractions").findValuesAsText("alias")).containsExactly("valueScore",
                "valueModel", "valueUpdated");
        assertThat(extractions.path("extractions").findValuesAsText("type")).containsExactly("number", "string",
                "date");
        JsonNode context = modules.path("jiraIssueContexts").get(0);
        assertThat(context.path("key").asText()).isEqualTo(ScoringJiraStore.CONTEXT_MODULE_KEY);
        assertThat(context.path("target").path("url").asText()).startsWith("/panels/issue-value?issueKey={issue.key}");
    }

    static String rice(int reach) {
        return "{\"model\":\"RICE\",\"inputs\":{\"reach\":" + reach
                + ",\"impact\":2,\"confidence\":80,\"effort\":4},\"version\":0}";
    }

    static String item(String issueKey, long version) {
        return "{\"issueKey\":\"" + issueKey
                + "\",\"model\":\"ICE\",\"inputs\":{\"impact\":5,\"confidence\":5,\"ease\":5},\"version\":" + version
                + "}";
    }

    JsonNode sandboxSearch(String jql) {
        try {
            var request = HttpRequest.newBuilder(URI.create(jira.baseUrl() + "/rest/api/3/search/jql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jql\":\"" + jql + "\",\"fields\":[\"key\"]}"))
                .build();
            String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
            return new ObjectMapper().readTree(body);
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
