package dev.throughline.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PermissionCheckTest {

    private static final String MIA = "5b10ac8d82e05b22cc7d4ef5";

    private static JiraSandbox sandbox;

    private static SandboxHttp http;

    @BeforeAll
    static void start() {
        SandboxSite site = SandboxGenerator.demo()
            .grant(MIA, "WEB", "BROWSE_PROJECTS")
            .grant(MIA, "WEB", "EDIT_ISSUES")
            .grant(MIA, "MOB", "BROWSE_PROJECTS")
            .grantGlobal(MIA, "USER_PICKER");
        sandbox = JiraSandbox.start(site);
        http = new SandboxHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    @Test
    void grantsAreHonouredPerProjectIssueAndGlobalPermission() {
        long webIssue = sandbox.site().requireIssue("WEB-1").id();
        long platIssue = sandbox.site().requireIssue("PLAT-1").id();
        JsonNode answer = http
            .post("/rest/api/3/permissions/check", Map
                .of("accountId", MIA, "globalPermissions", List.of("ADMINISTER", "USER_PICKER"), "projectPermissions",
                        List.of(Map.of("permissions", List.of("BROWSE_PROJECTS", "EDIT_ISSUES", "ADMINISTER_PROJECTS"),
                                "projects", List.of(10000, 10001, 10002), "issues", List.of(webIssue, platIssue)))))
            .json();
        assertThat(texts(answer.get("globalPermissions"))).containsExactly("USER_PICKER");
        JsonNode grants = answer.get("projectPermissions");
        assertThat(grants).hasSize(2);
        JsonNode browse = grants.get(0);
        assertThat(browse.get("permission").asText()).isEqualTo("BROWSE_PROJECTS");
        assertThat(longs(browse.get("projects"))).containsExactly(10000L, 10001L);
        assertThat(longs(browse.get("issues"))).containsExactly(webIssue);
        JsonNode edit = grants.get(1);
        assertThat(edit.get("permission").asText()).isEqualTo("EDIT_ISSUES");
        assertThat(longs(edit.get("projects"))).containsExactly(10000L);
    }

    @Test
    void adminHoldsEverythingAndStrangersNothing() {
        Map<String, Object> request = Map.of("globalPermissions", List.of("ADMINISTER"), "projectPermissions",
                List.of(Map.of("permissions", List.of("BROWSE_PROJECTS"), "projects", List.of(10002))));
        JsonNode admin = http.post("/rest/api/3/permissions/check", with(request, "admin")).json();
        assertThat(texts(admin.get("globalPermissions"))).containsExactly("ADMINISTER");
        assertThat(longs(admin.get("projectPermissions").get(0).get("projects"))).containsExactly(10002L);
        JsonNode stranger = http.post("/rest/api/3/permissions/check", with(request, "nobody")).json();
        assertThat(stranger.get("globalPermissions")).isEmpty();
        assertThat(stranger.get("projectPermissions")).isEmpty();
    }

    @Test
    void revokedGrantsNoLongerCount() {
        sandbox.site().grant("temp", "PLAT", "BROWSE_PROJECTS");
        Map<String, Object> request = Map.of("accountId", "temp", "projectPermissions",
                List.of(Map.of("permissions", List.of("BROWSE_PROJECTS"), "projects", List.of(10002))));
        assertThat(http.post("/rest/api/3/permissions/check", request).json().get("projectPermissions")).hasSize(1);
        sandbox.site().revoke("temp", "PLAT", "BROWSE_PROJECTS");
        assertThat(http.post("/rest/api/3/permissions/check", request).json().get("projectPermissions")).isEmpty();
    }

    @Test
    void unknownPermissionsAreRejected() {
        assertThat(http.post("/rest/api/3/permissions/check", Map.of("globalPermissions", List.of("FLY"))).status())
            .isEqualTo(400);
        assertThat(http
            .post("/rest/api/3/permissions/check",
                    Map.of("projectPermissions", List.of(Map.of("permissions", List.of(), "projects", List.of(10000)))))
            .status()).isEqualTo(400);
    }

    @Test
    void aUsersGroupsAreListedWithStableIdsAndAStrangerIsNotFound() {
        sandbox.site().addToGroup(MIA, "Roadmap-Planners").addToGroup(MIA, "jira-software-users");

        JsonNode groups = http.get("/rest/api/3/user/groups?accountId=" + MIA).json();

        assertThat(groups.findValuesAsText("name")).containsExactly("roadmap-planners", "jira-software-users");
        assertThat(groups.get(0).get("groupId").asText()).isEqualTo(SandboxSite.groupId("ROADMAP-PLANNERS"));
        assertThat(http.get("/rest/api/3/user/groups?accountId=nobody").status()).isEqualTo(404);
        sandbox.site().removeFromGroup(MIA, "roadmap-planners");
        assertThat(http.get("/rest/api/3/user/groups?accountId=" + MIA).json().findValuesAsText("name"))
            .containsExactly("jira-software-users");
    }

    private static Map<String, Object> with(Map<String, Object> request, String accountId) {
        Map<String, Object> copy = new HashMap<>(request);
        copy.put("accountId", accountId);
        return copy;
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asLong()));
        return list;
    }

}
