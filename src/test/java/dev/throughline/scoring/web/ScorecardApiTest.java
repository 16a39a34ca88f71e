package dev.throughline.scoring.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import dev.throughline.support.LoggedLines;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Custom scorecards: only Jira admins define them; a changed scorecard re-scores stored
 * values lazily.
 */
class ScorecardApiTest extends InstalledSiteTest {

    private static final String GROWTH_V1 = "{\"name\":\"Growth\",\"form\":\"WEIGHTED_SUM\",\"criteria\":["
            + "{\"key\":\"revenue\",\"name\":\"Revenue\",\"weight\":3,\"min\":0,\"max\":10,\"kind\":\"BENEFIT\"},"
            + "{\"key\":\"risk\",\"name\":\"Risk\",\"weight\":1,\"min\":0,\"max\":10,\"kind\":\"COST\"}]}";

    private static final String GROWTH_V2 = GROWTH_V1.replace("\"weight\":3", "\"weight\":5");

    @Override
    protected void seed(SandboxSite site) {
        site.addUser("po-1", "Product Owner");
        site.grant("po-1", "WEB", "BROWSE_PROJECTS").grant("po-1", "WEB", "EDIT_ISSUES");
    }

    private AppUnderTest.Reply saveScorecard(String body, String accountId) {
        return app().put("/api/scoring/scorecards/growth", body, connect.contextToken(accountId));
    }

    @Test
    void adminDefinesAScorecardThatAppearsAmongTheModels() {
        AppUnderTest.Reply saved = saveScorecard(GROWTH_V1, SandboxSite.ADMIN);

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("version").asInt()).isEqualTo(1);
        JsonNode models = app().get("/api/scoring/models", connect.contextToken("po-1")).json().path("models");
        assertThat(models.findValuesAsText("id")).containsExactly("RICE", "WSJF", "ICE", "VALUE_EFFORT",
                "scorecard:growth");
    }

    @Test
    void adminSetsTheProjectsDefaultModelWhichThePanelOffersForUnscoredIssues() {
        AppUnderTest.Reply saved = app().put("/api/projects/WEB/scoring", "{\"defaultModel\":\"WSJF\"}",
                connect.contextToken(SandboxSite.ADMIN));

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(
                app().get("/api/issues/WEB-4/value", connect.contextToken("po-1")).json().path("defaultModel").asText())
            .isEqualTo("WSJF");
        assertThat(app().put("/api/projects/WEB/scoring", "{\"defaultModel\":\"RICE\"}", connect.contextToken("po-1"))
            .status()).isEqualTo(403);
        assertThat(app()
            .put("/api/projects/WEB/scoring", "{\"defaultModel\":\"NOPE\"}", connect.contextToken(SandboxSite.ADMIN))
            .status()).isEqualTo(400);
    }

    @Test
    void scorecardAndDefaultModelChangesAreLoggedWithTheSiteAndTheAccount() {
        try (LoggedLines logged = LoggedLines.of("dev.throughline.scoring.service")) {
            assertThat(saveScorecard(GROWTH_V1, SandboxSite.ADMIN).status()).isEqualTo(200);
            assertThat(app()
                .put("/api/projects/WEB/scoring", "{\"defaultModel\":\"ICE\"}", connect.contextToken(SandboxSite.ADMIN))
                .status()).isEqualTo(200);

            assertThat(logged.info()).anySatisfy(line -> assertThat(line)
                .startsWith("Scorecard growth \"Growth\" saved (version 1) on site " + connect.clientKey())
                .endsWith("by account " + SandboxSite.ADMIN));
            assertThat(logged.info()).anySatisfy(line -> assertThat(line)
                .startsWith("Default model of project WEB set to ICE on site " + connect.clientKey())
                .endsWith("by account " + SandboxSite.ADMIN));
        }
    }

    @Test
    void nonAdminCannotDefineAScorecard() {
        AppUnderTest.Reply reply = saveScorecard(GROWTH_V1, "po-1");

        assertThat(reply.status()).isEqualTo(403);
        JsonNode models = app().get("/api/scoring/models", connect.contextToken("po-1")).json().path("models");
        assertThat(models.findValuesAsText("id")).doesNotContain("scorecard:growth");
    }

    @Test
    void aScaleAboveTenThousandGets400NamingItsMax() {
        AppUnderTest.Reply reply = app().put("/api/scoring/scorecards/growth",
                "{\"name\":\"Growth\",\"form\":\"WEIGHTED_SUM\",\"criteria\":[{\"key\":\"revenue\",\"name\":\"Revenue\","
                        + "\"weight\":1,\"min\":0,\"max\":1000000,\"kind\":\"BENEFIT\"}]}",
                connect.contextToken(SandboxSite.ADMIN));

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().path("errors").findValuesAsText("field")).containsExactly("criteria[0].max");
        assertThat(reply.json().path("errors").findValuesAsText("message"))
            .containsExactly("Scale of Revenue must not go above 10000");
    }

    @Test
    void invalidScorecardGets400NamingEachField() {
        String bad = "{\"name\":\"\",\"form\":\"MAGIC\",\"criteria\":[{\"key\":\"1x\",\"name\":\"X\",\"weight\":0,\"min\":0,\"max\":10,\"kind\":\"BENEFIT\"}]}";

        AppUnderTest.Reply reply = saveScorecard(bad, SandboxSite.ADMIN);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").findValuesAsText("field")).contains("name", "form", "criteria[0].key");
    }

    @Test
    void changedScorecardRescoresAStoredValueWhenNextReadAndKeepsTheOldVersionInHistory() {
        saveScorecard(GROWTH_V1, SandboxSite.ADMIN);
        String body = "{\"model\":\"scorecard:growth\",\"inputs\":{\"revenue\":4,\"risk\":2},\"version\":0}";
        AppUnderTest.Reply first = app().put("/api/issues/WEB-3/value", body, connect.contextToken("po-1"));
        assertThat(first.json().path("value").path("score").decimalValue()).isEqualByComparingTo("10");

        saveScorecard(GROWTH_V2, SandboxSite.ADMIN);
        JsonNode read = app().get("/api/issues/WEB-3/value", connect.contextToken("po-1")).json();

        assertThat(read.path("value").path("score").decimalValue()).isEqualByComparingTo("18");
        assertThat(read.path("value").path("modelVersion").asInt()).isEqualTo(2);
        assertThat(read.path("value").path("history").findValuesAsText("modelVersion")).containsExactly("2", "1");
        assertThat(read.path("needsRescore").asBoolean()).isFalse();
    }

}
