package dev.throughline.scoring.web;

import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one score write and one issue-panel view cost in Jira requests, counted by the
 * sandbox: once the read model holds the project, rank and percentile come from its
 * facts, so neither searches the project again.
 */
class ScoreWriteTrafficTest extends InstalledSiteTest {

    static final String OWNER = "po-1";

    @Override
    protected void seed(SandboxSite site) {
        site.addUser(OWNER, "Product Owner");
        site.grant(OWNER, "WEB", "BROWSE_PROJECTS").grant(OWNER, "WEB", "EDIT_ISSUES");
    }

    @Test
    void aWriteReadsTheIssueOnceAndRanksFromTheReadModel() {
        // warm what every request shares (the site's scoring settings, the caller's
        // permission answers)
        AppUnderTest.Reply first = app().put("/api/issues/WEB-21/value", ScoringApiTest.rice(100),
                connect.contextToken(OWNER));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        jira.resetTraffic();

        AppUnderTest.Reply saved = app().put("/api/issues/WEB-22/value", ScoringApiTest.RICE_200,
                connect.contextToken(OWNER));

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        // before: 7 (the issue read twice, the second time by a full re-read of the value
        // after the write), then 6 (a search of the project for rank and percentile); now
        // the
        // rank comes from the read model, which the first write's view filled, with the
        // written record in the issue's place
        assertThat(jira.requestCounts())
            .containsExactlyInAnyOrderEntriesOf(Map.of("GET /rest/api/3/issue/{issueIdOrKey}", 1, // the
                                                                                                  // issue
                                                                                                  // with
                                                                                                  // its
                                                                                                  // stored
                                                                                                  // value,
                                                                                                  // inside
                                                                                                  // the
                                                                                                  // lock
                    JiraSandbox.PERMISSIONS_CHECK, 1, // may the caller edit it
                    JiraSandbox.ISSUE_PROPERTY_PUT, 2, // the value, then the sidebar
                                                       // label
                    "GET /rest/api/3/project/{projectIdOrKey}/properties/{propertyKey}", 1)); // the
                                                                                              // default
                                                                                              // model
        assertThat(saved.json().path("rank").asInt()).isEqualTo(1);
        assertThat(saved.json().path("rankOf").asInt()).isEqualTo(2);
    }

    AppUnderTest.Reply view(String issueKey) {
        return app().get("/api/issues/" + issueKey + "/value", connect.contextToken(OWNER));
    }

    @Test
    void aSecondPanelViewReadsTheIssueAndChecksPermissionButNeverSearches() {
        assertThat(
                app().put("/api/issues/WEB-21/value", ScoringApiTest.rice(100), connect.contextToken(OWNER)).status())
            .isEqualTo(200);
        assertThat(app().put("/api/issues/WEB-22/value", ScoringApiTest.RICE_200, connect.contextToken(OWNER)).status())
            .isEqualTo(200);
        AppUnderTest.Reply first = view("WEB-21");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        jira.resetTraffic();

        AppUnderTest.Reply second = view("WEB-22");

        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().path("rank").asInt()).isEqualTo(1);
        assertThat(second.json().path("rankOf").asInt()).isEqualTo(2);
        assertThat(second.json().path("percentile").asInt()).isEqualTo(100);
        // 2 + 1 points (the issue with its stored value; the project's default model);
        // the
        // caller's permission answer is still cached from the first view. Before: a
        // search
        // of the project's issues scored with the model too (1 + 1 per issue found)
        assertThat(jira.requestCounts()).doesNotContainKey(JiraSandbox.SEARCH)
            .containsExactlyInAnyOrderEntriesOf(Map.of("GET /rest/api/3/issue/{issueIdOrKey}", 1,
                    "GET /rest/api/3/project/{projectIdOrKey}/properties/{propertyKey}", 1));
    }

}
