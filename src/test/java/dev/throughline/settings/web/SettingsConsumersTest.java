package dev.throughline.settings.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings change what other features do: grooming's stale days and the story points
 * field everywhere.
 */
class SettingsConsumersTest extends InstalledSiteTest {

    static final String PO = "po-consumer";
    static final long BOARD = 1;

    @Override
    protected void seed(SandboxSite site) {
        String project = site.projectById(site.board(BOARD).orElseThrow().projectId()).key();
        site.addUser(PO, "Product Owner");
        site.grant(PO, project, "BROWSE_PROJECTS");
    }

    private void saveSettings(String body) {
        AppUnderTest.Reply saved = app().put("/api/settings", body, connect.contextToken(SandboxSite.ADMIN));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    private JsonNode backlog(String query) {
        AppUnderTest.Reply reply = app().get("/api/boards/" + BOARD + "/backlog?limit=500" + query,
                connect.contextToken(PO));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void backlogWithoutStaleDaysFlagsByTheSitesSettingAndAnExplicitValueStillWins() {
        JsonNode before = backlog("");
        saveSettings("{\"staleDays\":1,\"version\":0}");

        JsonNode after = backlog("");
        JsonNode explicit = backlog("&staleDays=90");

        assertThat(before.path("staleDays").asInt()).isEqualTo(90);
        assertThat(after.path("staleDays").asInt()).isEqualTo(1);
        assertThat(after.path("flagCounts").path("STALE").asInt())
            .isGreaterThan(before.path("flagCounts").path("STALE").asInt());
        assertThat(explicit.path("staleDays").asInt()).isEqualTo(90);
        assertThat(explicit.path("flagCounts").path("STALE").asInt())
            .isEqualTo(before.path("flagCounts").path("STALE").asInt());
    }

    @Test
    void storyPointsOverrideDecidesWhatTheBacklogReadsAsStoryPoints() {
        JsonNode before = backlog("");
        saveSettings("{\"storyPointsFieldId\":\"timeoriginalestimate\",\"staleDays\":90,\"version\":0}");

        JsonNode after = backlog("");

        JsonNode firstBefore = before.path("items").get(0);
        SandboxIssue issue = site.requireIssue(firstBefore.path("key").asText());
        assertThat(firstBefore.path("storyPoints").isNull()).isEqualTo(issue.storyPointEstimate().isEmpty());
        int estimated = 0;
        for (JsonNode row : after.path("items")) {
            SandboxIssue shown = site.requireIssue(row.path("key").asText());
            if (shown.originalEstimateSeconds() == 0) {
                assertThat(row.path("storyPoints").isNull()).as(shown.key()).isTrue();
            }
            else {
                assertThat(row.path("storyPoints").asDouble()).as(shown.key())
                    .isEqualTo(shown.originalEstimateSeconds());
                estimated++;
            }
        }
        assertThat(estimated).as("rows read from the overriding field").isPositive();
    }

    @Test
    void storyPointsOverrideReachesThemeProgressToo() {
        site.grant(PO, "WEB", "EDIT_ISSUES").grant(PO, "WEB", "BROWSE_PROJECTS");
        SandboxIssue epic = site.issues()
            .stream()
            .filter(i -> i.type() == IssueType.EPIC && site.projectById(i.projectId()).key().equals("WEB"))
            .filter(i -> site.children(i.id()).stream().anyMatch(c -> c.storyPointEstimate().isPresent()))
            .findFirst()
            .orElseThrow();
        AppUnderTest.Reply created = app().post("/api/themes", "{\"name\":\"Checkout\",\"horizon\":\"now\"}",
                connect.contextToken(SandboxSite.ADMIN));
        String id = created.json().path("id").asText();
        app().post("/api/themes/" + id + "/links", "{\"issueKeys\":[\"" + epic.key() + "\"]}",
                connect.contextToken(PO));
        double before = pointsTotal(id);

        saveSettings("{\"storyPointsFieldId\":\"customfield_10016\",\"staleDays\":90,\"version\":0}");

        assertThat(before).isPositive();
        assertThat(pointsTotal(id)).isZero(); // the old field holds no estimates on this
                                              // site
    }

    private double pointsTotal(String themeId) {
        AppUnderTest.Reply progress = app().get("/api/themes/progress", connect.contextToken(PO));
        assertThat(progress.status()).as(progress.body()).isEqualTo(200);
        for (JsonNode theme : progress.json().path("themes")) {
            if (theme.path("id").asText().equals(themeId)) {
                return theme.path("progress").path("pointsTotal").asDouble();
            }
        }
        throw new AssertionError("theme missing: " + progress.body());
    }

}
