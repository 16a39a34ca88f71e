package dev.throughline.settings.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Themes and programs are site-wide: Jira administrators and the planners named in
 * Throughline settings (by accountId or through a Jira group) change them; everyone else
 * reads. README "Who may change what".
 */
class WhoMayPlanApiTest extends InstalledSiteTest {

    private static final String VIEWER = "5b10a2844c20165700ede21g";

    private static final String PLANNER = "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077";

    private static final String GROUP_PLANNER = "5b10ac8d82e05b22cc7d4ef5";

    private static final String APP_PROPERTY_PUT = "PUT /rest/atlassian-connect/1/addons/{addonKey}/properties/{propertyKey}";

    private static final String APP_PROPERTY_DELETE = "DELETE /rest/atlassian-connect/1/addons/{addonKey}/properties/{propertyKey}";

    private static final String REASON = "Only Jira administrators and the planners named in Throughline settings can change themes and programs.";

    @Override
    protected void seed(SandboxSite site) {
        for (String user : List.of(VIEWER, PLANNER, GROUP_PLANNER)) {
            site.grant(user, "WEB", "BROWSE_PROJECTS").grant(user, "MOB", "BROWSE_PROJECTS");
        }
        site.addToGroup(GROUP_PLANNER, "Roadmap-Planners").addToGroup(VIEWER, "jira-software-users");
    }

    @Override
    protected void afterInstall() {
        namePlanners(connect, List.of(PLANNER), List.of("roadmap-planners"));
    }

    private AppUnderTest.Reply send(String method, String path, String body, String accountId) {
        String token = connect.contextToken(accountId);
        return switch (method) {
            case "POST" -> app().post(path, body, token);
            case "PUT" -> app().put(path, body, token);
            case "DELETE" -> app().delete(path, token);
            default -> app().get(path, token);
        };
    }

    private String createdId(String path, String body, String accountId) {
        AppUnderTest.Reply created = send("POST", path, body, accountId);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    @Test
    void aBrowseOnlyUserGets403OnEveryThemeAndProgramWriteAndNothingIsWritten() {
        String theme = createdId("/api/themes", "{\"name\":\"Checkout\",\"horizon\":\"now\"}", SandboxSite.ADMIN);
        String program = createdId("/api/programs", "{\"name\":\"Launch\",\"projects\":[\"WEB\"]}", SandboxSite.ADMIN);
        jira.resetTraffic();

        List<AppUnderTest.Reply> refused = List.of(send("POST", "/api/themes", "{\"name\":\"Mine\"}", VIEWER),
                send("PUT", "/api/themes/" + theme, "{\"name\":\"Renamed\",\"version\":1}", VIEWER),
                send("POST", "/api/themes/" + theme + "/placement", "{\"horizon\":\"later\",\"index\":0,\"version\":1}",
                        VIEWER),
                send("DELETE", "/api/themes/" + theme + "?unlink=true", null, VIEWER),
                send("POST", "/api/programs", "{\"name\":\"Mine\",\"projects\":[\"WEB\"]}", VIEWER),
                send("PUT", "/api/programs/" + program, "{\"name\":\"Renamed\",\"projects\":[\"WEB\"],\"version\":1}",
                        VIEWER),
                send("DELETE", "/api/programs/" + program, null, VIEWER));

        for (AppUnderTest.Reply reply : refused) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(403);
            assertThat(reply.json().path("status").asInt()).isEqualTo(403);
            assertThat(reply.json().path("error").asText()).isEqualTo("Forbidden");
            assertThat(reply.json().path("message").asText()).isEqualTo(REASON);
        }
        assertThat(jira.servedCount(APP_PROPERTY_PUT)).as("app properties written").isZero();
        assertThat(jira.servedCount(APP_PROPERTY_DELETE)).as("app properties deleted").isZero();
        assertThat(jira.servedCount(JiraSandbox.ISSUE_PROPERTIES_MULTI)).isZero();
        JsonNode themes = send("GET", "/api/themes", null, VIEWER).json().path("themes");
        assertThat(themes.findValuesAsText("name")).containsExactly("Checkout");
        assertThat(themes.get(0).path("horizon").asText()).isEqualTo("NOW");
        assertThat(send("GET", "/api/programs", null, VIEWER).json().path("programs").findValuesAsText("name"))
            .containsExactly("Launch");
    }

    @Test
    void aPlannerNamedByAccountIdCreatesMovesAndDeletesThemesAndPrograms() {
        assertPlans(PLANNER);
    }

    @Test
    void aPlannerThroughAJiraGroupPlansToo() {
        assertPlans(GROUP_PLANNER);
    }

    private void assertPlans(String accountId) {
        String theme = createdId("/api/themes", "{\"name\":\"Checkout\",\"horizon\":\"now\"}", accountId);
        AppUnderTest.Reply moved = send("POST", "/api/themes/" + theme + "/placement",
                "{\"horizon\":\"later\",\"index\":0,\"version\":1}", accountId);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("horizon").asText()).isEqualTo("LATER");
        assertThat(send("DELETE", "/api/themes/" + theme, null, accountId).status()).isEqualTo(200);
        String program = createdId("/api/programs", "{\"name\":\"Launch\",\"projects\":[\"WEB\"]}", accountId);
        AppUnderTest.Reply renamed = send("PUT", "/api/programs/" + program,
                "{\"name\":\"Launch 2027\",\"projects\":[\"WEB\"],\"version\":1}", accountId);
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(send("DELETE", "/api/programs/" + program, null, accountId).status()).isEqualTo(200);
        assertThat(send("GET", "/api/themes", null, accountId).json().path("themes")).isEmpty();
        assertThat(send("GET", "/api/programs", null, accountId).json().path("programs")).isEmpty();
    }

    @Test
    void thePlanningEndpointTellsAPageWhetherItsViewerMayChangeThemesAndPrograms() {
        for (String planner : List.of(SandboxSite.ADMIN, PLANNER, GROUP_PLANNER)) {
            JsonNode answer = send("GET", "/api/permissions/planning", null, planner).json();
            assertThat(answer.path("canPlan").asBoolean()).as(planner).isTrue();
            assertThat(answer.path("reason").isNull()).as(planner).isTrue();
        }
        JsonNode viewer = send("GET", "/api/permissions/planning", null, VIEWER).json();
        assertThat(viewer.path("canPlan").asBoolean()).isFalse();
        assertThat(viewer.path("reason").asText()).isEqualTo(REASON);
    }

    @Test
    void aNonPlannerStillLinksTheIssuesJiraLetsThemEditButNoOthers() {
        site.grant(VIEWER, "WEB", "EDIT_ISSUES");
        String theme = createdId("/api/themes", "{\"name\":\"Checkout\",\"horizon\":\"now\"}", SandboxSite.ADMIN);

        AppUnderTest.Reply linked = send("POST", "/api/themes/" + theme + "/links",
                "{\"issueKeys\":[\"WEB-1\",\"MOB-1\"]}", VIEWER);

        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().path("linked").asInt()).isEqualTo(1);
        assertThat(linked.json().path("failed").findValuesAsText("issueKey")).containsExactly("MOB-1");
    }

}
