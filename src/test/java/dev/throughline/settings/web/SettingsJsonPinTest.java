package dev.throughline.settings.web;

import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;

import static dev.throughline.support.PinnedJson.assertPinned;

/**
 * Today's JSON answers of every settings endpoint (README "Site settings"), pinned field
 * by field.
 */
class SettingsJsonPinTest extends InstalledSiteTest {

    static final String PO = "po-settings";
    static final String PLANNERS = "\"planners\":{\"accountIds\":[\"5b10ac8d82e05b22cc7d4ef5\",\"" + PO + "\"],"
            + "\"groups\":[\"roadmap-planners\"]}";

    @Override
    protected void seed(SandboxSite site) {
        site.addUser(PO, "Product Owner");
        site.grant(PO, "WEB", "BROWSE_PROJECTS");
    }

    private void pin(String name, AppUnderTest.Reply reply) {
        assertPinned("settings/" + name, reply.status(), reply.json());
    }

    private AppUnderTest.Reply save(String body, String accountId) {
        return app().put("/api/settings", body, connect.contextToken(accountId));
    }

    private AppUnderTest.Reply get(String path, String accountId) {
        return app().get(path, connect.contextToken(accountId));
    }

    @Test
    void settingsReadAndSaved() {
        pin("get-settings-admin-unsaved", get("/api/settings", SandboxSite.ADMIN));
        pin("get-settings-other-unsaved", get("/api/settings", PO));
        pin("get-planning-other", get("/api/permissions/planning", PO));
        pin("put-settings", save("{\"storyPointsFieldId\":\"customfield_10016\",\"staleDays\":30,"
                + "\"rollupCacheTtlMinutes\":5," + PLANNERS + ",\"version\":0}", SandboxSite.ADMIN));
        pin("get-settings-admin", get("/api/settings", SandboxSite.ADMIN));
        pin("get-settings-other", get("/api/settings", PO));
        pin("get-planning-planner", get("/api/permissions/planning", PO));
        pin("put-settings-cleared",
                save("{\"storyPointsFieldId\":null,\"staleDays\":30,\"rollupCacheTtlMinutes\":null," + "\"version\":1}",
                        SandboxSite.ADMIN));
    }

    @Test
    void settingsErrors() {
        save("{\"staleDays\":30,\"version\":0}", SandboxSite.ADMIN);
        pin("put-settings-stale", save("{\"staleDays\":60,\"version\":0}", SandboxSite.ADMIN));
        pin("put-settings-invalid", save("{\"storyPointsFieldId\":7,\"staleDays\":0,\"rollupCacheTtlMinutes\":99999,"
                + "\"version\":0,\"theme\":\"dark\"}", SandboxSite.ADMIN));
        pin("put-settings-wrong-types", save("{\"storyPointsFieldId\":\"bad id\",\"staleDays\":12.5,"
                + "\"rollupCacheTtlMinutes\":\"5\",\"planners\":[],\"version\":true}", SandboxSite.ADMIN));
        pin("put-settings-bad-planners", save("{\"staleDays\":90,\"planners\":{\"accountIds\":[\"not an id\"],"
                + "\"groups\":[\"\"],\"users\":[]},\"version\":1}", SandboxSite.ADMIN));
        pin("put-settings-not-number-field",
                save("{\"storyPointsFieldId\":\"summary\",\"staleDays\":30,\"version\":1}", SandboxSite.ADMIN));
        pin("put-settings-not-admin", save("{\"staleDays\":30,\"version\":1}", PO));
    }

    @Test
    void projectsAndScoringSetup() {
        app().put("/api/projects/WEB/scoring", "{\"defaultModel\":\"WSJF\"}", connect.contextToken(SandboxSite.ADMIN));
        app()
            .put("/api/scoring/scorecards/growth", "{\"name\":\"Growth\",\"form\":\"BENEFIT_COST_RATIO\",\"criteria\":["
                    + "{\"key\":\"revenue\",\"name\":\"Revenue\",\"weight\":3,\"min\":0,\"max\":10,\"kind\":\"BENEFIT\"},"
                    + "{\"key\":\"risk\",\"name\":\"Risk\",\"weight\":1,\"min\":1,\"max\":5,\"kind\":\"COST\"}]}",
                    connect.contextToken(SandboxSite.ADMIN));

        pin("get-projects", get("/api/settings/projects?offset=0&limit=50", SandboxSite.ADMIN));
        pin("get-projects-page", get("/api/settings/projects?offset=1&limit=1", SandboxSite.ADMIN));
        pin("get-projects-bad-limit", get("/api/settings/projects?offset=0&limit=500", SandboxSite.ADMIN));
        pin("get-projects-not-admin", get("/api/settings/projects", PO));
        pin("get-scoring", get("/api/settings/scoring", SandboxSite.ADMIN));
        pin("get-scoring-not-admin", get("/api/settings/scoring", PO));
    }

}
