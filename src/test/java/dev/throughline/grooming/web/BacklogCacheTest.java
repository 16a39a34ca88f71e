package dev.throughline.grooming.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backlog snapshot cache with a backlog of more than 2,000 issues, through the
 * sandbox.
 */
class BacklogCacheTest extends InstalledSiteTest {

    static final String PO = "po-cache";
    static final String STRANGER = "stranger-cache";
    static final int PAGE = 500;

    static long board;

    @Override
    protected JiraSandbox startSandbox() {
        return JiraSandbox.start(SandboxGenerator.generate(4242, 1, 6_000));
    }

    @Override
    protected void seed(SandboxSite site) {
        board = site.boards().get(0).id();
        String project = site.projectById(site.board(board).orElseThrow().projectId()).key();
        site.addUser(PO, "Product Owner");
        site.addUser(STRANGER, "Someone else");
        site.grant(PO, project, "BROWSE_PROJECTS").grant(PO, project, "SCHEDULE_ISSUES");
        assertThat(site.backlog(board).size()).isGreaterThan(2_000);
    }

    AppUnderTest.Reply page(int offset, String extra, String accountId) {
        return app().get("/api/boards/" + board + "/backlog?offset=" + offset + "&limit=" + PAGE + extra,
                connect.contextToken(accountId));
    }

    /**
     * Pages through the whole backlog and answers the keys in the order the pages gave
     * them.
     */
    List<String> readAllPages(String accountId) {
        List<String> keys = new ArrayList<>();
        int total;
        do {
            AppUnderTest.Reply reply = page(keys.size(), "", accountId);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            total = reply.json().path("total").asInt();
            reply.json().path("items").forEach(item -> keys.add(item.path("key").asText()));
        }
        while (keys.size() < total);
        return keys;
    }

    List<String> backlogKeys() {
        return site.backlog(board).stream().map(SandboxIssue::key).toList();
    }

    @Test
    void pagingThroughALargeBacklogReadsJiraOnceAndRefreshReadsAgain() {
        int n = site.backlog(board).size();
        int backlogPages = (n + 49) / 50;
        // the board's project is read into the read model once (pages of 100), and the
        // issues' scores and theme links (and their parents') come from there. Before:
        // one
        // search per 100 issues for their properties and one per 100 parents (epics) for
        // the themes they pass on, at every read of the backlog
        int fullRead = (site.issues().size() + 99) / 100;

        List<String> keys = readAllPages(PO);

        assertThat(keys).isEqualTo(backlogKeys());
        assertThat(jira.requestCount(JiraSandbox.BACKLOG)).isEqualTo(backlogPages);
        assertThat(jira.requestCount(JiraSandbox.SEARCH)).isEqualTo(fullRead);

        // ?refresh=true reads Jira again, and later pages use that new read
        AppUnderTest.Reply refreshed = page(0, "&refresh=true", PO);
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(page(PAGE, "", PO).status()).isEqualTo(200);
        assertThat(jira.requestCount(JiraSandbox.BACKLOG)).isEqualTo(2 * backlogPages);
        assertThat(jira.requestCount(JiraSandbox.SEARCH)).as("the read model is fresh: no search").isEqualTo(fullRead);

        // another stale threshold is another snapshot
        assertThat(page(0, "&staleDays=30", PO).status()).isEqualTo(200);
        assertThat(jira.requestCount(JiraSandbox.BACKLOG)).isEqualTo(3 * backlogPages);
    }

    @Test
    void aCachedSnapshotIsNeverShownToSomeoneWhoMayNotBrowseItsProject() {
        assertThat(page(0, "", PO).status()).isEqualTo(200);
        int reads = jira.requestCount(JiraSandbox.BACKLOG);
        int checks = jira.requestCount(JiraSandbox.PERMISSIONS_CHECK);

        AppUnderTest.Reply denied = page(0, "", STRANGER);

        assertThat(denied.status()).as(denied.body()).isEqualTo(404);
        assertThat(denied.body()).doesNotContain(backlogKeys().get(0) + "\"");
        assertThat(jira.requestCount(JiraSandbox.BACKLOG)).isEqualTo(reads);
        assertThat(jira.requestCount(JiraSandbox.PERMISSIONS_CHECK)).isGreaterThan(checks);
    }

    @Test
    void applyDropsTheCachedSnapshotSoTheNextPageShowsTheNewOrder() {
        List<String> before = readAllPages(PO);
        List<String> target = new ArrayList<>(before);
        Collections.swap(target, 0, 1);
        Collections.swap(target, 2_000, 10);

        AppUnderTest.Reply applied = app().post("/api/boards/" + board + "/apply",
                "{\"order\":" + json(target) + ",\"expectedCurrent\":" + json(before) + "}", connect.contextToken(PO));
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.json().path("complete").asBoolean()).isTrue();
        jira.resetTraffic();

        JsonNode first = page(0, "", PO).json();

        assertThat(first.path("items").findValuesAsText("key").subList(0, 11)).isEqualTo(target.subList(0, 11));
        assertThat(jira.requestCount(JiraSandbox.BACKLOG)).isEqualTo((before.size() + 49) / 50);

        // undo drops it as well
        app().post("/api/boards/" + board + "/undo", "{}", connect.contextToken(PO));
        assertThat(readAllPages(PO)).isEqualTo(before);
    }

    static String json(List<String> keys) {
        return keys.stream()
            .map(k -> "\"" + k + "\"")
            .reduce((a, b) -> a + "," + b)
            .map(s -> "[" + s + "]")
            .orElse("[]");
    }

}
