package dev.throughline.scoring.web;

import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.throughline.support.PinnedJson.assertPinned;

/**
 * Today's JSON answers of every scoring endpoint, pinned field by field (README
 * "Product-value scoring"), so the typed web layer answers exactly what the hand-built
 * maps did. A fresh sandbox per test keeps ranks stable.
 */
class ScoringJsonPinTest extends InstalledSiteTest {

    static final String OWNER = "po-1";
    static final String VIEWER = "viewer-1";
    static final String RICE_200 = ScoringApiTest.RICE_200;
    static final String GROWTH = "{\"name\":\"Growth\",\"form\":\"WEIGHTED_SUM\",\"criteria\":["
            + "{\"key\":\"revenue\",\"name\":\"Revenue\",\"weight\":3,\"min\":0,\"max\":10,\"kind\":\"BENEFIT\"},"
            + "{\"key\":\"risk\",\"name\":\"Risk\",\"weight\":1.5,\"min\":0,\"max\":10,\"kind\":\"COST\"}]}";

    @Override
    protected void seed(SandboxSite site) {
        site.addUser(OWNER, "Product Owner");
        site.addUser(VIEWER, "Viewer");
        site.grant(OWNER, "WEB", "BROWSE_PROJECTS").grant(OWNER, "WEB", "EDIT_ISSUES");
        site.grant(VIEWER, "WEB", "BROWSE_PROJECTS");
    }

    private void pin(String name, AppUnderTest.Reply reply) {
        assertPinned("scoring/" + name, reply.status(), reply.json());
    }

    private AppUnderTest.Reply put(String issueKey, String body, String accountId) {
        return app().put("/api/issues/" + issueKey + "/value", body, connect.contextToken(accountId));
    }

    private AppUnderTest.Reply get(String issueKey, String accountId) {
        return app().get("/api/issues/" + issueKey + "/value", connect.contextToken(accountId));
    }

    private AppUnderTest.Reply bulk(String items) {
        return app().post("/api/value/bulk", "{\"items\":[" + items + "]}", connect.contextToken(OWNER));
    }

    @Test
    void valueWrittenReadAndRewritten() {
        pin("put-value", put("WEB-11", RICE_200, OWNER));
        pin("put-value-other", put("WEB-12", ScoringApiTest.rice(100), OWNER));
        pin("put-value-again",
                put("WEB-11", ScoringApiTest.rice(1000).replace("\"version\":0", "\"version\":1"), OWNER));
        pin("get-value-viewer", get("WEB-11", VIEWER));
        pin("put-value-repeated", put("WEB-12", ScoringApiTest.rice(100), OWNER));
    }

    @Test
    void valueWhoseLabelJiraDidNotTake() {
        jira.failAfter(JiraSandbox.ISSUE_PROPERTY_PUT, 1, 4, 503);

        pin("put-value-label-not-taken", put("WEB-41", RICE_200, OWNER));
    }

    @Test
    void unscoredUnreadableAndValueEffortValues() {
        pin("put-project-scoring", app().put("/api/projects/WEB/scoring", "{\"defaultModel\":\"WSJF\"}",
                connect.contextToken(SandboxSite.ADMIN)));
        pin("get-value-unscored", get("WEB-4", OWNER));
        site.setIssueProperty("WEB-5", "throughline.value", Map.of("score", 5, "model", "WSJF", "version", 3));
        pin("get-value-unreadable", get("WEB-5", OWNER));
        pin("put-value-effort", put("WEB-6",
                "{\"model\":\"VALUE_EFFORT\",\"inputs\":{\"value\":80,\"effort\":2.5},\"version\":0}", OWNER));
    }

    @Test
    void errorAnswers() {
        put("WEB-14", RICE_200, OWNER);
        pin("put-value-stale", put("WEB-14", RICE_200.replace("\"reach\":500", "\"reach\":600"), OWNER));
        pin("put-value-invalid", put("WEB-15", "{\"model\":\"RICE\",\"inputs\":{\"reach\":\"500\",\"impact\":1.5,"
                + "\"confidence\":50,\"joy\":1},\"version\":-1,\"score\":3}", OWNER));
        pin("put-value-unknown-model", put("WEB-15", "{\"model\":\"MOSCOW\",\"inputs\":{},\"version\":0}", OWNER));
        pin("put-value-wrong-types", put("WEB-15", "{\"model\":7,\"inputs\":[],\"version\":\"1\"}", OWNER));
        pin("put-value-not-json", put("WEB-15", "{\"model\":", OWNER));
        pin("put-value-not-editable", put("WEB-15", RICE_200, VIEWER));
        pin("get-value-not-found", get("WEB-99999", OWNER));
        pin("get-value-bad-key", get("nope", OWNER));
        pin("put-project-scoring-invalid", app().put("/api/projects/WEB/scoring", "{\"defaultModel\":\"NOPE\"}",
                connect.contextToken(SandboxSite.ADMIN)));
        pin("put-project-scoring-extra", app().put("/api/projects/WEB/scoring", "{\"defaultModel\":\"RICE\",\"x\":1}",
                connect.contextToken(SandboxSite.ADMIN)));
        pin("put-project-scoring-not-admin",
                app().put("/api/projects/WEB/scoring", "{\"defaultModel\":\"RICE\"}", connect.contextToken(OWNER)));
    }

    @Test
    void preview() {
        pin("evaluate-valid", app().post("/api/scoring/evaluate",
                "{\"model\":\"VALUE_EFFORT\",\"inputs\":{\"value\":20,\"effort\":8}}", connect.contextToken(OWNER)));
        pin("evaluate-invalid", app().post("/api/scoring/evaluate",
                "{\"model\":\"RICE\",\"inputs\":{\"reach\":10,\"effort\":0}}", connect.contextToken(OWNER)));
        pin("evaluate-no-model", app().post("/api/scoring/evaluate", "{\"inputs\":{}}", connect.contextToken(OWNER)));
        pin("evaluate-no-inputs",
                app().post("/api/scoring/evaluate", "{\"model\":\"RICE\"}", connect.contextToken(OWNER)));
    }

    @Test
    void bulkAnswers() {
        pin("bulk-written", bulk(ScoringApiTest.item("WEB-31", 0) + "," + ScoringApiTest.item("WEB-32", 0)));
        pin("bulk-stale", bulk(ScoringApiTest.item("WEB-34", 0) + "," + ScoringApiTest.item("WEB-31", 0)));
        pin("bulk-not-found", bulk(ScoringApiTest.item("WEB-35", 0) + "," + ScoringApiTest.item("WEB-88888", 0)));
        pin("bulk-not-editable", bulk(ScoringApiTest.item("MOB-3", 0)));
        pin("bulk-invalid", app().post("/api/value/bulk", "{\"items\":[" + ScoringApiTest.item("WEB-36", 0)
                + ",{\"issueKey\":\"WEB-37\",\"model\":\"RICE\",\"inputs\":{\"reach\":1,\"impact\":1,\"confidence\":50,"
                + "\"effort\":-1},\"version\":0},{\"issueKey\":\"nope\"},3,{\"issueKey\":\"WEB-36\",\"x\":1}],\"y\":2}",
                connect.contextToken(OWNER)));
        pin("bulk-duplicate", bulk(ScoringApiTest.item("WEB-38", 0) + "," + ScoringApiTest.item("WEB-38", 0)));
        pin("bulk-empty", app().post("/api/value/bulk", "{\"items\":[]}", connect.contextToken(OWNER)));
        jira.failNext(JiraSandbox.TASK, 4, 503, null);
        jira.failAfter(JiraSandbox.SEARCH, 1, 4, 503);
        pin("bulk-unknown", bulk(ScoringApiTest.item("WEB-45", 0) + "," + ScoringApiTest.item("WEB-46", 0)));
    }

    @Test
    void modelsAndScorecards() {
        pin("get-models-built-in", app().get("/api/scoring/models", connect.contextToken(OWNER)));
        pin("put-scorecard",
                app().put("/api/scoring/scorecards/growth", GROWTH, connect.contextToken(SandboxSite.ADMIN)));
        pin("put-scorecard-again", app().put("/api/scoring/scorecards/growth",
                GROWTH.replace("\"weight\":3", "\"weight\":5"), connect.contextToken(SandboxSite.ADMIN)));
        pin("get-models", app().get("/api/scoring/models", connect.contextToken(OWNER)));
        pin("put-scorecard-invalid", app().put("/api/scoring/scorecards/growth",
                "{\"name\":\"\",\"form\":\"MAGIC\",\"criteria\":[{\"key\":\"1x\",\"name\":\"X\",\"weight\":0,\"min\":0,"
                        + "\"max\":10,\"kind\":\"BENEFIT\"},{\"key\":\"y\",\"weight\":\"a\",\"kind\":\"NONE\"}],\"z\":1}",
                connect.contextToken(SandboxSite.ADMIN)));
        pin("put-scorecard-not-admin",
                app().put("/api/scoring/scorecards/growth", GROWTH, connect.contextToken(OWNER)));
        pin("put-value-scorecard", put("WEB-3",
                "{\"model\":\"scorecard:growth\",\"inputs\":{\"revenue\":4,\"risk\":2},\"version\":0}", OWNER));
    }

}
