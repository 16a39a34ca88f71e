package dev.throughline.program.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.throughline.support.PinnedJson.assertPinned;
import static dev.throughline.support.PinnedJson.staleAnswer;
import static org.assertj.core.api.Assertions.assertThat;

/** Program definitions end to end: stored in the sandbox's app properties. */
class ProgramApiTest extends InstalledSiteTest {

    private static final String PM = "pgm-1";

    /**
     * Saves programs: a save needs every project to exist and be browsable by the saver,
     * while PM may browse only WEB.
     */
    private static final String PLANNER = "pgm-2";

    /**
     * Projects must exist to be saved: 500 of them with keys of Jira's default maximum
     * length, 10 characters.
     */
    private static final List<String> FIVE_HUNDRED_KEYS = IntStream.range(0, 500)
        .mapToObj(i -> "PKEY" + String.format("%06d", i))
        .toList();

    /** Acme, plus 500 empty projects for the largest program. */
    @Override
    protected JiraSandbox startSandbox() {
        return JiraSandbox.start(SandboxGenerator.demoWithEmptyProjects(FIVE_HUNDRED_KEYS));
    }

    private static final String PUT_APP_PROPERTY = "PUT /rest/atlassian-connect/1/addons/{addonKey}/properties/{propertyKey}";

    @Override
    protected void seed(SandboxSite site) {
        site.addUser(PM, "Program Manager");
        site.grant(PM, "WEB", "BROWSE_PROJECTS");
        site.addUser(PLANNER, "Planner");
        site.projects().forEach(project -> site.grant(PLANNER, project.key(), "BROWSE_PROJECTS"));
    }

    @Override
    protected void afterInstall() {
        namePlanners(connect, List.of(PM, PLANNER), List.of());
    }

    private AppUnderTest.Reply post(String body) {
        return app().post("/api/programs", body, connect.contextToken(PLANNER));
    }

    private JsonNode create(String name) {
        AppUnderTest.Reply reply = post(
                "{\"name\":\"" + name + "\",\"projects\":[\"WEB\",\"MOB\"],\"jql\":\"issuetype != Bug\","
                        + "\"progressBasis\":\"story_points\",\"throughputWeeks\":8}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    @Test
    void createdProgramIsListedAndReadBackWithDefaults() {
        JsonNode created = create("Checkout revamp");
        AppUnderTest.Reply plain = post("{\"name\":\"Plain\",\"projects\":[\"PLAT\"]}");

        JsonNode listed = app().get("/api/programs", connect.contextToken(PM)).json();
        assertThat(listed.path("programs").findValuesAsText("name")).containsExactly("Checkout revamp", "Plain");
        assertThat(listed.path("programs").get(0).path("projectCount").asInt()).isEqualTo(2);
        JsonNode full = app().get("/api/programs/" + created.path("id").asText(), connect.contextToken(PM)).json();
        assertThat(full.path("projects").toString()).isEqualTo("[\"WEB\",\"MOB\"]");
        assertThat(full.path("jql").asText()).isEqualTo("issuetype != Bug");
        assertThat(full.path("progressBasis").asText()).isEqualTo("story_points");
        assertThat(full.path("throughputWeeks").asInt()).isEqualTo(8);
        assertThat(full.path("version").asLong()).isEqualTo(1);
        JsonNode defaults = plain.json();
        assertThat(defaults.path("progressBasis").asText()).isEqualTo("issue_count");
        assertThat(defaults.path("includeSubtasks").asBoolean()).isFalse();
        assertThat(defaults.path("scopeGrowth").asBoolean()).isFalse();
        assertThat(defaults.path("throughputWeeks").asInt()).isEqualTo(12);
        assertThat(defaults.path("jql").isNull()).isTrue();
    }

    @Test
    void badProgramGets400NamingEveryFieldAndStoresNothing() {
        AppUnderTest.Reply reply = post(
                "{\"name\":\"\",\"projects\":[\"web\",\"OK\",\"1X\"],\"jql\":\"project = WEB ORDER BY rank\","
                        + "\"progressBasis\":\"hours\",\"includeSubtasks\":\"yes\",\"scopeGrowth\":1,\"throughputWeeks\":53,\"version\":1,\"colour\":\"red\"}");
        AppUnderTest.Reply noProjects = post("{\"name\":\"Empty\",\"projects\":[]}");
        String tooMany = IntStream.range(0, 501).mapToObj(i -> "\"P" + i + "\"").collect(Collectors.joining(","));
        AppUnderTest.Reply tooManyProjects = post("{\"name\":\"Huge\",\"projects\":[" + tooMany + "]}");
        AppUnderTest.Reply longName = post(
                "{\"name\":\"" + "x".repeat(81) + "\",\"projects\":[\"WEB\"],\"throughputWeeks\":0}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("colour", "name",
                "projects[0]", "projects[2]", "jql", "progressBasis", "includeSubtasks", "scopeGrowth",
                "throughputWeeks", "version");
        assertThat(noProjects.json().path("errors").findValuesAsText("field")).containsExactly("projects");
        assertThat(tooManyProjects.json().path("errors").findValuesAsText("field")).containsExactly("projects");
        assertThat(longName.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name",
                "throughputWeeks");
        assertThat(jira.servedCount(PUT_APP_PROPERTY)).isZero();
        assertThat(app().get("/api/programs", connect.contextToken(PM)).json().path("programs")).isEmpty();
    }

    @Test
    void duplicateNameIgnoringCaseGets400AndNothingIsStored() {
        create("Checkout revamp");
        int writes = jira.servedCount(PUT_APP_PROPERTY);

        AppUnderTest.Reply reply = post("{\"name\":\"CHECKOUT REVAMP\",\"projects\":[\"WEB\"]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").findValuesAsText("field")).containsExactly("name");
        assertThat(jira.servedCount(PUT_APP_PROPERTY)).isEqualTo(writes);
    }

    @Test
    void updateWithTheVersionReadSucceedsAndAStaleOneGets409WithTheCurrentProgram() {
        String id = create("Checkout revamp").path("id").asText();
        String update = "{\"name\":\"Checkout 2\",\"projects\":[\"WEB\",\"MOB\",\"PLAT\"],\"version\":1}";

        AppUnderTest.Reply first = app().put("/api/programs/" + id, update, connect.contextToken(PLANNER));
        AppUnderTest.Reply stale = app().put("/api/programs/" + id, update, connect.contextToken(PLANNER));
        AppUnderTest.Reply missingVersion = app().put("/api/programs/" + id, "{\"name\":\"X\",\"projects\":[\"WEB\"]}",
                connect.contextToken(PLANNER));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("version").asLong()).isEqualTo(2);
        assertThat(first.json().path("jql").isNull()).isTrue();
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("current").path("version").asLong()).isEqualTo(2);
        assertThat(stale.json().path("current").path("projects")).hasSize(3);
        assertThat(missingVersion.status()).isEqualTo(400);
        assertThat(missingVersion.json().path("errors").findValuesAsText("field")).containsExactly("version");
        assertThat(
                app().get("/api/programs", connect.contextToken(PM)).json().path("programs").findValuesAsText("name"))
            .containsExactly("Checkout 2");
    }

    @Test
    void scopeGrowthIsSwitchedOnAndStored() {
        String id = create("Growing").path("id").asText();

        AppUnderTest.Reply on = app().put("/api/programs/" + id,
                "{\"name\":\"Growing\",\"projects\":[\"WEB\"]," + "\"scopeGrowth\":true,\"version\":1}",
                connect.contextToken(PLANNER));

        assertThat(on.status()).as(on.body()).isEqualTo(200);
        assertThat(on.json().path("scopeGrowth").asBoolean()).isTrue();
        assertThat(app().get("/api/programs/" + id, connect.contextToken(PM)).json().path("scopeGrowth").asBoolean())
            .isTrue();

        Object stored = site.appProperties().get("throughline", "throughline.program." + id).orElseThrow();
        assertThat(((Map<?, ?>) stored).get("scopeGrowth")).isEqualTo(true);
    }

    @Test
    void deleteRemovesTheProgramAndItsProperty() {
        String id = create("Short-lived").path("id").asText();

        AppUnderTest.Reply deleted = app().delete("/api/programs/" + id, connect.contextToken(PM));

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(app().get("/api/programs/" + id, connect.contextToken(PM)).status()).isEqualTo(404);
        assertThat(app().delete("/api/programs/" + id, connect.contextToken(PM)).status()).isEqualTo(404);
        assertThat(app().get("/api/programs", connect.contextToken(PM)).json().path("programs")).isEmpty();
    }

    @Test
    void fiveHundredProjectKeysFitInOneProperty() {
        String keys = FIVE_HUNDRED_KEYS.stream().map(key -> "\"" + key + "\"").collect(Collectors.joining(","));
        // the longest refinement Jira can read: 2,000 characters
        String jql = "valueModel = \\\"" + "a".repeat(2000 - 15) + "\\\"";
        AppUnderTest.Reply reply = post(
                "{\"name\":\"Everything\",\"projects\":[" + keys + "],\"jql\":\"" + jql + "\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(32_768);
        JsonNode full = app().get("/api/programs/" + reply.json().path("id").asText(), connect.contextToken(PM)).json();
        assertThat(full.path("projects")).hasSize(500);
    }

    // The attacker's case: PM may browse only WEB and asks for a program on WEB whose
    // refinement closes the
    // project's parentheses to reach PLAT. Nothing of PLAT may ever show in the rollup,
    // its CSV or its counts.

    private static final String ESCAPING = "key = WEB-2) OR (project = PLAT";

    private AppUnderTest.Reply createOnWeb(String jql) {
        return post("{\"name\":\"Web " + UUID.randomUUID() + "\",\"projects\":[\"WEB\"],\"jql\":\""
                + jql.replace("\"", "\\\"") + "\"}");
    }

    /** No PLAT issue key or epic summary in an answer PM gets. */
    private void assertNothingOfPlatIn(String body) {
        assertThat(body).doesNotContain("PLAT-");
        site.issues()
            .stream()
            .filter(i -> i.projectKey().equals("PLAT") && i.type() == IssueType.EPIC)
            .map(SandboxIssue::summary)
            .forEach(summary -> assertThat(body).doesNotContain(summary));
    }

    @Test
    void aRefinementThatClosesTheProjectsParenthesisIsRefusedAndNothingIsStored() {
        AppUnderTest.Reply refused = createOnWeb(ESCAPING);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("jql");
        assertThat(site.appProperties().keys("throughline")).noneMatch(key -> key.startsWith("throughline.program"));
        assertThat(jira.servedCount(JiraSandbox.SEARCH)).isZero();
    }

    @Test
    void aProgramStoredWithAnEscapingRefinementIsRefusedBeforeAnySearch() {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("id", "legacy1");
        stored.put("name", "Stored before refinements were checked");
        stored.put("projects", List.of("WEB"));
        stored.put("jql", ESCAPING);
        stored.put("progressBasis", "issue_count");
        stored.put("throughputWeeks", 12);
        stored.put("version", 1);
        site.appProperties().put("throughline", "throughline.program.legacy1", stored);

        AppUnderTest.Reply rollup = app().get("/api/programs/legacy1/rollup", connect.contextToken(PM));
        AppUnderTest.Reply csv = app().get("/api/programs/legacy1/rollup.csv", connect.contextToken(PM));

        assertThat(rollup.status()).as(rollup.body()).isEqualTo(400);
        assertThat(rollup.json().path("errors").findValuesAsText("field")).containsExactly("jql");
        assertThat(csv.status()).isEqualTo(400);
        assertNothingOfPlatIn(rollup.body() + csv.body());
        assertThat(jira.servedCount(JiraSandbox.SEARCH)).isZero();
    }

    @Test
    void aRefinedProgramCountsAndNamesOnlyItsOwnProjectsIssues() {
        AppUnderTest.Reply created = createOnWeb("issuetype = Epic OR issuetype = Story");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();

        AppUnderTest.Reply rollup = app().get("/api/programs/" + id + "/rollup", connect.contextToken(PM));
        AppUnderTest.Reply csv = app().get("/api/programs/" + id + "/rollup.csv", connect.contextToken(PM));

        assertThat(rollup.status()).as(rollup.body()).isEqualTo(200);
        JsonNode groups = rollup.json().path("groups");
        assertThat(groups.path("projects").findValuesAsText("id")).containsExactly("WEB");
        assertThat(groups.path("program").get(0).path("items").asLong())
            .isEqualTo(groups.path("projects").get(0).path("items").asLong())
            .isPositive();
        assertThat(groups.path("epics").findValuesAsText("id")).allMatch(key -> key.startsWith("WEB-"));
        assertThat(csv.status()).isEqualTo(200);
        assertNothingOfPlatIn(rollup.body() + csv.body());
    }

    @Test
    void catalogAnswersAndTheStaleVersionConflictArePinnedFieldByField() {
        AppUnderTest.Reply created = app().post("/api/programs",
                "{\"name\":\"Checkout revamp\",\"projects\":[\"WEB\",\"MOB\"],"
                        + "\"jql\":\"issuetype != Bug\",\"progressBasis\":\"story_points\",\"throughputWeeks\":8}",
                connect.contextToken(PLANNER));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        String full = "{\"id\":\"<STRING>\",\"name\":\"Checkout revamp\",\"projects\":[\"WEB\",\"MOB\"],"
                + "\"jql\":\"issuetype != Bug\",\"progressBasis\":\"story_points\",\"includeSubtasks\":false,"
                + "\"scopeGrowth\":false,\"throughputWeeks\":8,\"version\":1}";
        assertPinned(created.body(), full, "id");
        assertPinned(app().get("/api/programs/" + id, connect.contextToken(PM)).body(), full, "id");
        assertPinned(app().get("/api/programs", connect
            .contextToken(PM)).body(), "{\"programs\":[{\"id\":\"<STRING>\",\"name\":\"Checkout revamp\","
                    + "\"projectCount\":2,\"refined\":true,\"progressBasis\":\"story_points\",\"includeSubtasks\":false,"
                    + "\"throughputWeeks\":8,\"version\":1}]}",
                "id");

        String update = "{\"name\":\"Checkout 2\",\"projects\":[\"WEB\",\"MOB\",\"PLAT\"],\"includeSubtasks\":true,\"version\":1}";
        AppUnderTest.Reply updated = app().put("/api/programs/" + id, update, connect.contextToken(PLANNER));
        String afterUpdate = "{\"id\":\"<STRING>\",\"name\":\"Checkout 2\",\"projects\":[\"WEB\",\"MOB\",\"PLAT\"],"
                + "\"jql\":null,\"progressBasis\":\"issue_count\",\"includeSubtasks\":true,"
                + "\"scopeGrowth\":false,\"throughputWeeks\":12,\"version\":2}";
        assertPinned(updated.body(), afterUpdate, "id");

        AppUnderTest.Reply stale = app().put("/api/programs/" + id, update, connect.contextToken(PLANNER));
        assertThat(stale.status()).isEqualTo(409);
        assertPinned(stale.body(), staleAnswer(
                "The program \"Checkout 2\" was changed by someone else (you had version 1, it is now version 2); reload and try again.",
                afterUpdate), "id", "timeStamp");

        assertPinned(app().delete("/api/programs/" + id, connect.contextToken(PM)).body(), "{\"deleted\":true}");
    }

}
