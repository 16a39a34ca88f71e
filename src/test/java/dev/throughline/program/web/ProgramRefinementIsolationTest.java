package dev.throughline.program.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.JiraSandbox;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.ConnectedAppTest;
import dev.throughline.support.FakeJiraSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacker's case of a program refinement: a user who may browse only WEB asks for a program on WEB whose
 * JQL closes the project's parentheses to reach PLAT ({@code key = WEB-2) OR (project = PLAT}). Nothing of PLAT
 * may ever show in the rollup, its CSV or its counts.
 */
class ProgramRefinementIsolationTest extends ConnectedAppTest {

    private static final String WEB_ONLY = "web-only";
    private static final String ESCAPING = "key = WEB-2) OR (project = PLAT";
    private JiraSandbox jira;
    private SandboxSite site;
    private FakeJiraSite connect;

    @BeforeEach
    void start() {
        jira = JiraSandbox.start(SandboxGenerator.demo());
        site = jira.site();
        site.addUser(WEB_ONLY, "Web Lead");
        site.grant(WEB_ONLY, "WEB", "BROWSE_PROJECTS");
        connect = new FakeJiraSite("refinements-" + UUID.randomUUID(), jira.baseUrl());
        install(connect);
    }

    @AfterEach
    void stop() {
        jira.stop();
    }

    private AppUnderTest.Reply createProgram(String user, String jql) {
        return app().post("/api/programs", "{\"name\":\"Web " + UUID.randomUUID() + "\",\"projects\":[\"WEB\"],\"jql\":\""
                + jql.replace("\"", "\\\"") + "\"}", connect.contextToken(user));
    }

    /** Every PLAT issue key and epic summary: none may appear in an answer the WEB-only viewer gets. */
    private void assertNothingOfPlatIn(String body) {
        assertThat(body).doesNotContain("PLAT-");
        site.issues().stream().filter(i -> i.projectKey().equals("PLAT") && i.type() == IssueType.EPIC)
                .map(SandboxIssue::summary).forEach(summary -> assertThat(body).doesNotContain(summary));
    }

    @Test
    void aRefinementThatClosesTheProjectsParenthesisIsRefusedAndNothingIsStored() {
        for (String user : List.of(WEB_ONLY, SandboxSite.ADMIN)) {
            AppUnderTest.Reply refused = createProgram(user, ESCAPING);

            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("jql");
        }
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
        stored.put("includeSubtasks", false);
        stored.put("scopeGrowth", false);
        stored.put("throughputWeeks", 12);
        stored.put("version", 1);
        site.appProperties().put("throughline", "throughline.program.legacy1", stored);

        AppUnderTest.Reply rollup = app().get("/api/programs/legacy1/rollup", connect.contextToken(WEB_ONLY));
        AppUnderTest.Reply csv = app().get("/api/programs/legacy1/rollup.csv", connect.contextToken(WEB_ONLY));

        assertThat(rollup.status()).as(rollup.body()).isEqualTo(400);
        assertThat(rollup.json().path("errors").findValuesAsText("field")).containsExactly("jql");
        assertThat(csv.status()).isEqualTo(400);
        assertNothingOfPlatIn(rollup.body() + csv.body());
        assertThat(jira.servedCount(JiraSandbox.SEARCH)).isZero();
    }

    @Test
    void aRefinedProgramCountsAndNamesOnlyItsOwnProjectsIssues() {
        AppUnderTest.Reply created = createProgram(SandboxSite.ADMIN, "issuetype = Epic OR issuetype = Story");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();

        AppUnderTest.Reply rollup = app().get("/api/programs/" + id + "/rollup", connect.contextToken(WEB_ONLY));
        AppUnderTest.Reply csv = app().get("/api/programs/" + id + "/rollup.csv", connect.contextToken(WEB_ONLY));

        assertThat(rollup.status()).as(rollup.body()).isEqualTo(200);
        JsonNode groups = rollup.json().path("groups");
        assertThat(groups.path("projects").findValuesAsText("id")).containsExactly("WEB");
        assertThat(groups.path("program").get(0).path("items").asLong())
                .isEqualTo(groups.path("projects").get(0).path("items").asLong()).isPositive();
        assertThat(groups.path("epics").findValuesAsText("id")).allMatch(key -> key.startsWith("WEB-"));
        assertThat(csv.status()).isEqualTo(200);
        assertNothingOfPlatIn(rollup.body() + csv.body());
    }
}
