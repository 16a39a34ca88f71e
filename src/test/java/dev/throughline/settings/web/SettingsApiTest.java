package dev.throughline.settings.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import dev.throughline.support.LoggedLines;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Site settings end to end: a sandbox Jira, signed install, context JWTs; settings land
 * in an app property.
 */
class SettingsApiTest extends InstalledSiteTest {

    static final String PO = "po-settings";
    static final String PROPERTY = "throughline.settings";

    @Override
    protected void seed(SandboxSite site) {
        site.addUser(PO, "Product Owner");
        site.grant(PO, "WEB", "BROWSE_PROJECTS");
    }

    private AppUnderTest.Reply save(String body, String accountId) {
        return app().put("/api/settings", body, connect.contextToken(accountId));
    }

    private AppUnderTest.Reply read(String accountId) {
        return app().get("/api/settings", connect.contextToken(accountId));
    }

    private Optional<Object> stored() {
        return site.appProperties().get("throughline", PROPERTY);
    }

    @Test
    void adminSavesSettingsWhichLandInTheAppPropertyAndEveryoneReadsThem() {
        AppUnderTest.Reply saved = save("{\"storyPointsFieldId\":\"customfield_10016\",\"staleDays\":30,"
                + "\"rollupCacheTtlMinutes\":5,\"version\":0}", SandboxSite.ADMIN);

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("version").asLong()).isEqualTo(1);
        assertThat(stored())
            .hasValueSatisfying(value -> assertThat(value.toString()).contains("customfield_10016").contains("30"));
        JsonNode asViewer = read(PO).json();
        assertThat(asViewer.path("staleDays").asInt()).isEqualTo(30);
        assertThat(asViewer.path("rollupCacheTtlMinutes").asInt()).isEqualTo(5);
        assertThat(asViewer.path("storyPointsFieldId").asText()).isEqualTo("customfield_10016");
        assertThat(asViewer.path("version").asLong()).isEqualTo(1);
        assertThat(asViewer.path("editable").asBoolean()).isFalse();
        assertThat(asViewer.has("storyPoints")).isFalse();
    }

    @Test
    void adminSeesTheDetectedFieldAndOnlyNumberFieldsAsChoices() {
        JsonNode view = read(SandboxSite.ADMIN).json();

        assertThat(view.path("editable").asBoolean()).isTrue();
        assertThat(view.path("version").asLong()).isZero();
        assertThat(view.path("staleDays").asInt()).isEqualTo(90);
        assertThat(view.path("storyPoints").path("detected").asText()).isEqualTo(site.storyPointsFieldId());
        assertThat(view.path("storyPoints").path("candidates").findValuesAsText("id"))
            .contains("customfield_10028", "customfield_10016", "timeoriginalestimate")
            .doesNotContain("summary", "customfield_10019");
    }

    @Test
    void savesAreLoggedWithTheSiteTheAccountAndWhatChanged() {
        try (LoggedLines logged = LoggedLines.of("dev.throughline.settings.service")) {
            AppUnderTest.Reply saved = save(
                    "{\"storyPointsFieldId\":\"customfield_10016\",\"staleDays\":30," + "\"version\":0}",
                    SandboxSite.ADMIN);

            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertThat(logged.info())
                .anySatisfy(line -> assertThat(line).startsWith("Settings saved on site " + connect.clientKey())
                    .contains("by account " + SandboxSite.ADMIN)
                    .contains("story points field (discovered) -> customfield_10016")
                    .contains("stale days 90 -> 30"));
        }
    }

    @Test
    void adminCountsTheIssuesWithAnEstimateInANumberFieldBeforeChoosingIt() {
        AppUnderTest.Reply used = estimates(site.storyPointsFieldId(), SandboxSite.ADMIN);
        AppUnderTest.Reply unused = estimates("customfield_10016", SandboxSite.ADMIN);

        assertThat(used.status()).as(used.body()).isEqualTo(200);
        assertThat(used.json().path("fieldId").asText()).isEqualTo(site.storyPointsFieldId());
        assertThat(used.json().path("withEstimate").asLong())
            .isEqualTo(site.issues().stream().filter(issue -> issue.storyPointEstimate().isPresent()).count())
            .isPositive();
        assertThat(unused.json().path("withEstimate").asLong()).isZero();
        assertThat(estimates("summary", SandboxSite.ADMIN).status()).isEqualTo(400);
        assertThat(estimates("customfield_10016", PO).status()).isEqualTo(403);
    }

    private AppUnderTest.Reply estimates(String fieldId, String accountId) {
        return app().get("/api/settings/story-points/estimates?fieldId=" + fieldId, connect.contextToken(accountId));
    }

    @Test
    void nonAdminGets403AndNothingIsWritten() {
        AppUnderTest.Reply reply = save("{\"staleDays\":30,\"version\":0}", PO);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("message").asText())
            .isEqualTo("Only Jira administrators can change Throughline's settings.");
        assertThat(stored()).isEmpty();
        assertThat(read(PO).json().path("staleDays").asInt()).isEqualTo(90);
    }

    @Test
    void staleVersionGets409WithTheCurrentSettingsAndNothingIsOverwritten() {
        assertThat(save("{\"staleDays\":30,\"version\":0}", SandboxSite.ADMIN).status()).isEqualTo(200);

        AppUnderTest.Reply second = save("{\"staleDays\":60,\"version\":0}", SandboxSite.ADMIN);

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().path("errors").findValuesAsText("field")).containsExactly("version");
        assertThat(second.json().path("current").path("version").asLong()).isEqualTo(1);
        assertThat(second.json().path("current").path("staleDays").asInt()).isEqualTo(30);
        assertThat(read(PO).json().path("staleDays").asInt()).isEqualTo(30);
    }

    @Test
    void adminNamesPlannersWhichAreStoredVersionCheckedAndShownToAdminsOnly() {
        String planners = "\"planners\":{\"accountIds\":[\"5b10ac8d82e05b22cc7d4ef5\"],\"groups\":[\"roadmap-planners\"]}";
        AppUnderTest.Reply saved = save("{\"staleDays\":90," + planners + ",\"version\":0}", SandboxSite.ADMIN);
        AppUnderTest.Reply stale = save("{\"staleDays\":90,\"planners\":null,\"version\":0}", SandboxSite.ADMIN);

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("planners").path("groups").get(0).asText()).isEqualTo("roadmap-planners");
        assertThat(read(SandboxSite.ADMIN).json().path("planners").path("accountIds").get(0).asText())
            .isEqualTo("5b10ac8d82e05b22cc7d4ef5");
        assertThat(stored()).hasValueSatisfying(value -> assertThat(value.toString()).contains("roadmap-planners"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("current").path("planners").path("groups").get(0).asText())
            .isEqualTo("roadmap-planners");
        assertThat(read(PO).json().has("planners")).as("who the planners are is the admins' business").isFalse();
    }

    @Test
    void badPlannersGet400NamingEachEntryAndNothingIsWritten() {
        AppUnderTest.Reply reply = save(
                "{\"staleDays\":90,\"planners\":{\"accountIds\":[\"not an id\"]," + "\"groups\":[\"\"]},\"version\":0}",
                SandboxSite.ADMIN);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").findValuesAsText("field")).containsExactly("planners.accountIds[0]",
                "planners.groups[0]");
        assertThat(stored()).isEmpty();
    }

    @Test
    void badInputGets400NamingEachFieldAndNothingIsWritten() {
        AppUnderTest.Reply reply = save("{\"storyPointsFieldId\":7,\"staleDays\":0,\"rollupCacheTtlMinutes\":99999,"
                + "\"version\":0,\"theme\":\"dark\"}", SandboxSite.ADMIN);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").findValuesAsText("field"))
            .containsExactlyInAnyOrder("storyPointsFieldId", "staleDays", "rollupCacheTtlMinutes", "theme");
        assertThat(stored()).isEmpty();
    }

    @Test
    void aStoryPointsFieldThatIsNotANumberFieldOfTheSiteIsRefused() {
        AppUnderTest.Reply text = save("{\"storyPointsFieldId\":\"summary\",\"staleDays\":30,\"version\":0}",
                SandboxSite.ADMIN);
        AppUnderTest.Reply unknown = save(
                "{\"storyPointsFieldId\":\"customfield_99999\",\"staleDays\":30,\"version\":0}", SandboxSite.ADMIN);

        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json().path("errors").get(0).path("field").asText()).isEqualTo("storyPointsFieldId");
        assertThat(text.json().path("errors").get(0).path("message").asText()).contains("not a number field");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(stored()).isEmpty();
    }

    @Test
    void backToDetectionAndTheAppsCacheTimeByClearingTheOverrides() {
        save("{\"storyPointsFieldId\":\"customfield_10016\",\"staleDays\":30,\"rollupCacheTtlMinutes\":5,\"version\":0}",
                SandboxSite.ADMIN);

        AppUnderTest.Reply cleared = save(
                "{\"storyPointsFieldId\":null,\"staleDays\":30,\"rollupCacheTtlMinutes\":null,\"version\":1}",
                SandboxSite.ADMIN);

        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().path("storyPointsFieldId").isNull()).isTrue();
        assertThat(cleared.json().path("effectiveRollupCacheTtlMinutes").asInt()).isEqualTo(10);
        assertThat(cleared.json().path("version").asLong()).isEqualTo(2);
    }

    @Test
    void adminListsProjectsWithTheirDefaultModelAndTheScorecardsOthersCannot() {
        app().put("/api/projects/WEB/scoring", "{\"defaultModel\":\"WSJF\"}", connect.contextToken(SandboxSite.ADMIN));

        AppUnderTest.Reply projects = app().get("/api/settings/projects?offset=0&limit=50",
                connect.contextToken(SandboxSite.ADMIN));
        AppUnderTest.Reply scoring = app().get("/api/settings/scoring", connect.contextToken(SandboxSite.ADMIN));

        assertThat(projects.status()).as(projects.body()).isEqualTo(200);
        JsonNode web = null;
        for (JsonNode project : projects.json().path("projects")) {
            if (project.path("key").asText().equals("WEB")) {
                web = project;
            }
        }
        assertThat(web).isNotNull();
        assertThat(web.path("defaultModel").asText()).isEqualTo("WSJF");
        assertThat(projects.json().path("projects").size()).isEqualTo(site.projects().size());
        assertThat(projects.json().path("more").asBoolean()).isFalse();
        assertThat(scoring.json().path("models").findValuesAsText("id")).contains("RICE", "WSJF", "ICE",
                "VALUE_EFFORT");
        assertThat(app().get("/api/settings/projects", connect.contextToken(PO)).status()).isEqualTo(403);
        assertThat(app().get("/api/settings/scoring", connect.contextToken(PO)).status()).isEqualTo(403);
    }

    @Test
    void projectListPagesWithMore() {
        AppUnderTest.Reply first = app().get("/api/settings/projects?offset=0&limit=1",
                connect.contextToken(SandboxSite.ADMIN));
        AppUnderTest.Reply bad = app().get("/api/settings/projects?offset=0&limit=500",
                connect.contextToken(SandboxSite.ADMIN));

        assertThat(first.json().path("projects").size()).isEqualTo(1);
        assertThat(first.json().path("more").asBoolean()).isEqualTo(site.projects().size() > 1);
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void pageShowsTheFormToAdminsAndTheNoticeToOthers() {
        String adminToken = connect.requestToken("GET", "/admin/settings", "", SandboxSite.ADMIN);
        String poToken = connect.requestToken("GET", "/admin/settings", "", PO);

        AppUnderTest.Reply admin = app().get("/admin/settings", adminToken);
        AppUnderTest.Reply other = app().get("/admin/settings", poToken);

        assertThat(admin.status()).as(admin.body()).isEqualTo(200);
        assertThat(admin.body()).contains("id=\"settings-form\"").doesNotContain("Only Jira administrators");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.body()).contains("Only Jira administrators can change Throughline's settings.")
            .doesNotContain("settings-form");
    }

}
