package dev.throughline.scoring.web;

import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What one score write costs in Jira requests, counted by the sandbox. */
class ScoreWriteTrafficTest extends InstalledSiteTest {

    static final String OWNER = "po-1";

    @Override
    protected void seed(SandboxSite site) {
        site.addUser(OWNER, "Product Owner");
        site.grant(OWNER, "WEB", "BROWSE_PROJECTS").grant(OWNER, "WEB", "EDIT_ISSUES");
    }

    @Test
    void aWriteReadsTheIssueOnceAndRanksWithOneSearch() {
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
        // after the write)
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
                    JiraSandbox.SEARCH, 1, // rank and percentile, with the written record
                                           // in the issue's place
                    "GET /rest/api/3/project/{projectIdOrKey}/properties/{propertyKey}", 1)); // the
                                                                                              // default
                                                                                              // model
        assertThat(saved.json().path("rank").asInt()).isEqualTo(1);
        assertThat(saved.json().path("rankOf").asInt()).isEqualTo(2);
    }

}
