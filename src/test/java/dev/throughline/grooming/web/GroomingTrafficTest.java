package dev.throughline.grooming.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a backlog read costs in Jira requests once the read model holds the board's
 * project, counted by the sandbox: the rank order still comes from Jira's backlog pages,
 * the scores and theme links from the read model.
 */
class GroomingTrafficTest extends InstalledSiteTest {

    static final String PO = "po-traffic";

    static final long BOARD = 1;

    static final String RICE = "{\"model\":\"RICE\",\"inputs\":{\"reach\":500,\"impact\":2,\"confidence\":80,"
            + "\"effort\":4},\"version\":0}";

    @Override
    protected void seed(SandboxSite site) {
        String project = site.projectById(site.board(BOARD).orElseThrow().projectId()).key();
        site.addUser(PO, "Product Owner");
        site.grant(PO, project, "BROWSE_PROJECTS")
            .grant(PO, project, "SCHEDULE_ISSUES")
            .grant(PO, project, "EDIT_ISSUES");
    }

    private JsonNode backlog() {
        AppUnderTest.Reply reply = app().get("/api/boards/" + BOARD + "/backlog?offset=0&limit=500&refresh=true",
                connect.contextToken(PO));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private JsonNode row(JsonNode backlog, String key) {
        for (JsonNode row : backlog.path("items")) {
            if (row.path("key").asText().equals(key)) {
                return row;
            }
        }
        throw new AssertionError(key + " not on the backlog");
    }

    @Test
    void aSecondBacklogReadAsksOnlyForTheBacklogPages() {
        List<SandboxIssue> backlog = site.backlog(BOARD);
        SandboxIssue child = backlog.stream().filter(SandboxIssue::hasParent).findFirst().orElseThrow();
        SandboxIssue epic = site.issueById(child.parentId()).orElseThrow();
        site.setIssueProperty(epic.key(), "throughline.themes", Map.of("themeIds", List.of("t1")));
        JsonNode first = backlog();
        jira.resetTraffic();

        JsonNode second = backlog();

        assertThat(second.path("items")).isEqualTo(first.path("items"));
        assertThat(row(second, child.key()).path("inheritedThemeIds").get(0).asText()).isEqualTo("t1");
        // the backlog pages (the rank order is Jira's) and, as before, the keys of the
        // projects of blockers elsewhere (to name only those the viewer may browse); the
        // viewer's permission answer is cached from the first read. Before: also one
        // search per 100 issues for their properties and one per 100 parents for their
        // theme links
        assertThat(jira.requestCounts()).doesNotContainKey(JiraSandbox.SEARCH)
            .containsExactlyInAnyOrderEntriesOf(
                    Map.of(JiraSandbox.BACKLOG, (backlog.size() + 49) / 50, "GET /rest/api/3/project/search", 1));
    }

    @Test
    void aScoreSavedThroughThroughlineShowsAtTheNextReadWithItsVersion() {
        String key = site.backlog(BOARD).get(0).key();
        backlog();
        AppUnderTest.Reply saved = app().put("/api/issues/" + key + "/value", RICE, connect.contextToken(PO));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        jira.resetTraffic();

        JsonNode row = row(backlog(), key);

        assertThat(row.path("model").asText()).isEqualTo("RICE");
        assertThat(row.path("score").decimalValue()).isEqualByComparingTo("200"); // 500 ×
                                                                                  // 2 ×
                                                                                  // 80 %
                                                                                  // / 4
        assertThat(row.path("version").asLong()).isEqualTo(1);
        assertThat(row.path("inputs").path("reach").asInt()).isEqualTo(500);
        // the read model holds the new score without its version: that one issue's
        // properties are read by key
        assertThat(jira.requestCount(JiraSandbox.SEARCH)).isEqualTo(1);
    }

}
