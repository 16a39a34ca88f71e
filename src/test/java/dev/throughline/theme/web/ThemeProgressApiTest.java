package dev.throughline.theme.web;

import org.assertj.core.data.Offset;
import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.IssueStatus;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Theme progress from the sandbox, checked against counts made by hand from the sandbox's
 * own model.
 */
class ThemeProgressApiTest extends InstalledSiteTest {

    @Override
    protected void seed(SandboxSite site) {
        site.addUser("pm-1", "PM");
        site.grant("pm-1", "WEB", "BROWSE_PROJECTS")
            .grant("pm-1", "WEB", "EDIT_ISSUES")
            .grant("pm-1", "MOB", "BROWSE_PROJECTS")
            .grant("pm-1", "MOB", "EDIT_ISSUES")
            .grantGlobal("pm-1", "ADMINISTER"); // creates the themes
        site.addUser("web-only", "Web viewer");
        site.grant("web-only", "WEB", "BROWSE_PROJECTS");
    }

    private SandboxIssue epicWithChildren(String project) {
        return site.issues()
            .stream()
            .filter(i -> i.type() == IssueType.EPIC && site.projectById(i.projectId()).key().equals(project))
            .filter(i -> site.children(i.id()).size() >= 3)
            .findFirst()
            .orElseThrow();
    }

    /** Items of an epic's scope as the rules count them: its non-sub-task children. */
    private List<SandboxIssue> work(SandboxIssue epic) {
        return site.children(epic.id()).stream().filter(c -> c.type() != IssueType.SUBTASK).toList();
    }

    private String createTheme(String name) {
        AppUnderTest.Reply created = app().post("/api/themes",
                "{\"name\":\"" + name.replace("\"", "\\\"") + "\",\"horizon\":\"now\"}", connect.contextToken("pm-1"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private JsonNode progressOf(String themeId, String accountId) {
        return progressOf(themeId, accountId, "");
    }

    private JsonNode progressOf(String themeId, String accountId, String query) {
        JsonNode themes = app().get("/api/themes/progress" + query, connect.contextToken(accountId))
            .json()
            .path("themes");
        for (JsonNode theme : themes) {
            if (theme.path("id").asText().equals(themeId)) {
                return theme;
            }
        }
        throw new AssertionError("theme missing: " + themes);
    }

    @Test
    void linkingAnEpicBringsItsChildrenIntoTheThemesProgress() {
        SandboxIssue epic = epicWithChildren("WEB");
        String id = createTheme("Checkout");
        app().post("/api/themes/" + id + "/links", "{\"issueKeys\":[\"" + epic.key() + "\"]}",
                connect.contextToken("pm-1"));
        List<SandboxIssue> work = work(epic);
        long done = work.stream().filter(i -> i.status() == IssueStatus.DONE).count();
        double points = work.stream().mapToDouble(SandboxIssue::storyPoints).filter(p -> !Double.isNaN(p)).sum();
        jira.resetTraffic();

        JsonNode theme = progressOf(id, "pm-1");

        assertThat(theme.path("progress").path("itemsTotal").asInt()).isEqualTo(work.size());
        assertThat(theme.path("progress").path("itemsDone").asInt()).isEqualTo(done);
        assertThat(theme.path("progress").path("pointsTotal").asDouble()).isEqualTo(points, Offset.offset(0.001));
        assertThat(theme.path("linkedEpics").get(0).asText()).isEqualTo(epic.key());
        assertThat(jira.servedCount(JiraSandbox.SEARCH)).isLessThanOrEqualTo(3); // linked
                                                                                 // issues,
                                                                                 // children:
                                                                                 // no
                                                                                 // per-issue
                                                                                 // calls
    }

    @Test
    void workInProjectsTheViewerCannotBrowseIsCountedButNotShown() {
        SandboxIssue webEpic = epicWithChildren("WEB");
        SandboxIssue mobEpic = epicWithChildren("MOB");
        String id = themeLinkedTo("Everywhere", webEpic, mobEpic);

        JsonNode forPm = progressOf(id, "pm-1");
        JsonNode forWebOnly = progressOf(id, "web-only");

        assertThat(forPm.path("progress").path("itemsTotal").asInt())
            .isEqualTo(work(webEpic).size() + work(mobEpic).size());
        assertThat(forWebOnly.path("progress").path("itemsTotal").asInt()).isEqualTo(work(webEpic).size());
        assertThat(forWebOnly.path("progress").path("hiddenItems").asInt()).isEqualTo(work(mobEpic).size());
        assertThat(forWebOnly.path("linkedEpics").toString()).doesNotContain(mobEpic.key());
    }

    private String themeLinkedTo(String name, SandboxIssue... epics) {
        String id = createTheme(name);
        String keys = String.join("\",\"", Arrays.stream(epics).map(SandboxIssue::key).toList());
        app().post("/api/themes/" + id + "/links", "{\"issueKeys\":[\"" + keys + "\"]}", connect.contextToken("pm-1"));
        return id;
    }

    @Test
    void aProjectsViewSaysHowMuchOfAThemeIsInOtherProjects() {
        SandboxIssue webEpic = epicWithChildren("WEB");
        SandboxIssue mobEpic = epicWithChildren("MOB");
        String id = themeLinkedTo("Across", webEpic, mobEpic);

        JsonNode theme = progressOf(id, "pm-1", "?projectKey=WEB");

        assertThat(theme.path("progress").path("itemsTotal").asInt()).isEqualTo(work(webEpic).size());
        assertThat(theme.path("progress").path("otherProjectItems").asInt()).isEqualTo(work(mobEpic).size());
        assertThat(theme.path("linkedEpics").toString()).contains(webEpic.key()).doesNotContain(mobEpic.key());
    }

    @Test
    void anIssueShowsTheThemesOfItsEpicAsInherited() {
        SandboxIssue epic = epicWithChildren("WEB");
        String id = themeLinkedTo("Inherited", epic);
        SandboxIssue child = work(epic).get(0);

        JsonNode themes = app().get("/api/issues/" + child.key() + "/themes", connect.contextToken("pm-1")).json();

        assertThat(themes.path("inherited")).hasSize(1);
        assertThat(themes.path("inherited").get(0).path("via").asText()).isEqualTo(epic.key());
        assertThat(themes.path("inherited").get(0).path("theme").path("id").asText()).isEqualTo(id);
        assertThat(themes.path("linked")).isEmpty();
    }

    @Test
    void aProjectTheViewerCannotBrowseAnswersExactlyAsOneThatDoesNotExist() {
        SandboxIssue mobEpic = epicWithChildren("MOB");
        String id = createTheme("Mobile");
        app().post("/api/themes/" + id + "/links", "{\"issueKeys\":[\"" + mobEpic.key() + "\"]}",
                connect.contextToken("pm-1"));

        for (String path : List.of("/api/themes/progress", "/api/themes/export.csv")) {
            AppUnderTest.Reply hidden = app().get(path + "?projectKey=MOB", connect.contextToken("web-only"));
            AppUnderTest.Reply missing = app().get(path + "?projectKey=NOPE", connect.contextToken("web-only"));

            assertThat(hidden.status()).as(hidden.body()).isEqualTo(404);
            assertThat(missing.status()).as(missing.body()).isEqualTo(404);
            assertThat(hidden.json().path("message").asText().replace("MOB", "KEY"))
                .isEqualTo(missing.json().path("message").asText().replace("NOPE", "KEY"));
            assertThat(hidden.body()).doesNotContain(mobEpic.key(), "hiddenItems");
        }
        AppUnderTest.Reply visible = app().get("/api/themes/progress?projectKey=MOB", connect.contextToken("pm-1"));
        assertThat(visible.status()).isEqualTo(200);
    }

    @Test
    void aMalformedProjectKeyIsRefusedNamingProjectKeyBeforeAnySearch() {
        String injected = URLEncoder.encode("WEB\" AND summary ~ \"secret", StandardCharsets.UTF_8);

        AppUnderTest.Reply json = app().get("/api/themes/progress?projectKey=" + injected,
                connect.contextToken("web-only"));
        AppUnderTest.Reply csv = app().get("/api/themes/export.csv?projectKey=" + injected,
                connect.contextToken("web-only"));

        assertThat(json.status()).isEqualTo(400);
        assertThat(json.json().path("errors").findValuesAsText("field")).containsExactly("projectKey");
        assertThat(csv.status()).isEqualTo(400);
        assertThat(jira.servedCount(JiraSandbox.SEARCH)).isZero();
    }

    @Test
    void ownerIsShownByDisplayName() {
        AppUnderTest.Reply created = app().post("/api/themes", "{\"name\":\"Owned\",\"owner\":\"web-only\"}",
                connect.contextToken("pm-1"));

        JsonNode theme = progressOf(created.json().path("id").asText(), "pm-1");

        assertThat(theme.path("owner").asText()).isEqualTo("web-only");
        assertThat(theme.path("ownerName").asText()).isEqualTo("Web viewer");
    }

    @Test
    void unlinkByJqlRemovesTheLinksItMatches() {
        SandboxIssue epic = epicWithChildren("WEB");
        String id = createTheme("Temporary");
        app().post("/api/themes/" + id + "/links", "{\"issueKeys\":[\"" + epic.key() + "\"]}",
                connect.contextToken("pm-1"));

        JsonNode result = app()
            .post("/api/themes/" + id + "/unlink", "{\"jql\":\"key = " + epic.key() + "\"}",
                    connect.contextToken("pm-1"))
            .json();

        assertThat(result.path("unlinked").asInt()).isEqualTo(1);
        assertThat(progressOf(id, "pm-1").path("progress").path("status").asText()).isEqualTo("NO_LINKED_WORK");
    }

    @Test
    void aThemeWithoutLinksSaysSo() {
        String id = createTheme("Empty");

        JsonNode theme = progressOf(id, "pm-1");

        assertThat(theme.path("progress").path("status").asText()).isEqualTo("NO_LINKED_WORK");
        assertThat(theme.path("progress").path("reason").asText()).contains("link epics");
    }

    @Test
    void csvExportListsEveryThemeWithItsProgress() {
        SandboxIssue epic = epicWithChildren("WEB");
        String id = createTheme("=Formula, \"quoted\"");
        app().post("/api/themes/" + id + "/links", "{\"issueKeys\":[\"" + epic.key() + "\"]}",
                connect.contextToken("pm-1"));

        AppUnderTest.Reply csv = app().get("/api/themes/export.csv", connect.contextToken("pm-1"));

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("Theme,Status,Horizon,Start,End,Outcome,Owner,Items done,Items total");
        assertThat(lines[1]).startsWith("\"'=Formula, \"\"quoted\"\"\",proposed,now,");
        assertThat(lines[1]).contains("," + work(epic).size() + ",").endsWith(epic.key());
    }

}
