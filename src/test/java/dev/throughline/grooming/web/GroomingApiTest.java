package dev.throughline.grooming.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.IssueStatus;
import dev.throughline.sandbox.JiraSandbox;
import dev.throughline.sandbox.LinkType;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.ConnectedAppTest;
import dev.throughline.support.FakeJiraSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Grooming end to end: real app, signed install into a sandbox Jira, context JWTs, ranks done in the sandbox. */
class GroomingApiTest extends ConnectedAppTest {

    static final String PO = "po-groom";
    static final String VIEWER = "viewer-groom";
    static final long BOARD = 1;

    static JiraSandbox jira;
    static SandboxSite site;
    static String project;
    FakeJiraSite connect;

    @BeforeAll
    static void startSandbox() {
        jira = JiraSandbox.start(SandboxGenerator.demo());
        site = jira.site();
        project = site.projectById(site.board(BOARD).orElseThrow().projectId()).key();
        site.addUser(PO, "Product Owner");
        site.addUser(VIEWER, "Viewer");
        site.grant(PO, project, "BROWSE_PROJECTS").grant(PO, project, "SCHEDULE_ISSUES");
        site.grant(VIEWER, project, "BROWSE_PROJECTS");
    }

    @AfterAll
    static void stopSandbox() {
        jira.stop();
    }

    @BeforeEach
    void installSite() {
        connect = new FakeJiraSite("grooming-" + UUID.randomUUID(), jira.baseUrl());
        install(connect);
        jira.resetTraffic();
    }

    AppUnderTest.Reply get(String path, String accountId) {
        return app().get(path, connect.contextToken(accountId));
    }

    AppUnderTest.Reply post(String path, String body, String accountId) {
        return app().post(path, body, connect.contextToken(accountId));
    }

    static List<String> backlogKeys() {
        return site.backlog(BOARD).stream().map(SandboxIssue::key).toList();
    }

    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    static String json(List<String> keys) {
        return keys.stream().map(k -> "\"" + k + "\"").reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]").orElse("[]");
    }

    static String applyBody(List<String> order, List<String> expected) {
        return "{\"order\":" + json(order) + ",\"expectedCurrent\":" + json(expected) + "}";
    }

    @Test
    void boardsOfAProject() {
        AppUnderTest.Reply reply = get("/api/projects/" + project + "/boards", PO);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("boards").findValuesAsText("name")).containsExactly(project + " board");
        assertThat(reply.json().path("boards").get(0).path("id").asLong()).isEqualTo(BOARD);
    }

    @Test
    void backlogPageHasRowsInRankOrderAndFlagCountsOverTheWholeBacklog() {
        List<String> keys = backlogKeys();
        String scored = keys.get(0);
        String themed = keys.get(1);
        String blocked = keys.get(2);
        site.setIssueProperty(scored, "throughline.value", Map.of("score", 42.5, "model", "RICE"));
        site.setIssueProperty(themed, "throughline.themes", Map.of("themeIds", List.of("t-1")));
        // an open blocker outside the first rows, and a done one that must not count
        SandboxIssue openBlocker = site.requireIssue(keys.get(keys.size() - 1));
        site.addLink(LinkType.BLOCKS, openBlocker.id(), site.requireIssue(blocked).id());

        AppUnderTest.Reply reply = get("/api/boards/" + BOARD + "/backlog?offset=0&limit=3", PO);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.path("total").asInt()).isEqualTo(keys.size());
        assertThat(body.path("items").findValuesAsText("key")).containsExactlyElementsOf(keys.subList(0, 3));
        JsonNode first = body.path("items").get(0);
        assertThat(first.path("score").decimalValue()).isEqualByComparingTo("42.5");
        assertThat(first.path("model").asText()).isEqualTo("RICE");
        assertThat(texts(first.path("flags"))).doesNotContain("UNSCORED").contains("NO_THEME");
        assertThat(texts(body.path("items").get(1).path("themeIds"))).containsExactly("t-1");
        assertThat(texts(body.path("items").get(1).path("flags"))).contains("UNSCORED").doesNotContain("NO_THEME");
        assertThat(texts(body.path("items").get(2).path("flags"))).contains("BLOCKED");
        assertThat(texts(body.path("items").get(2).path("blockedBy"))).contains(openBlocker.key());

        // counts, computed independently from the sandbox
        List<SandboxIssue> backlog = site.backlog(BOARD);
        long noEstimate = backlog.stream().filter(i -> i.storyPointEstimate().isEmpty()).count();
        long parentDone = backlog.stream().filter(i -> i.hasParent()
                && site.issueById(i.parentId()).orElseThrow().status().done()).count();
        long blockedCount = backlog.stream().filter(i -> site.linksOf(i.id()).stream().anyMatch(l ->
                l.type().equals(LinkType.BLOCKS) && l.targetIssueId() == i.id()
                        && !site.issueById(l.sourceIssueId()).orElseThrow().status().done())).count();
        JsonNode counts = body.path("flagCounts");
        assertThat(counts.path("UNSCORED").asInt()).isEqualTo(keys.size() - 1);
        assertThat(counts.path("NO_THEME").asInt()).isEqualTo(keys.size() - 1);
        assertThat(counts.path("NO_ESTIMATE").asLong()).isEqualTo(noEstimate);
        assertThat(counts.path("PARENT_DONE").asLong()).isEqualTo(parentDone);
        assertThat(counts.path("BLOCKED").asLong()).isEqualTo(blockedCount).isPositive();

        // one backlog page per 50 issues, one property search per 100: never one request per issue
        assertThat(jira.requestCount(JiraSandbox.BACKLOG)).isEqualTo((keys.size() + 49) / 50);
        assertThat(jira.requestCount(JiraSandbox.SEARCH)).isEqualTo((keys.size() + 99) / 100);
    }

    @Test
    void staleDaysAndLimitsAreChecked() {
        assertThat(get("/api/boards/" + BOARD + "/backlog?limit=501", PO).status()).isEqualTo(400);
        assertThat(get("/api/boards/" + BOARD + "/backlog?staleDays=0", PO).status()).isEqualTo(400);
        JsonNode all = get("/api/boards/" + BOARD + "/backlog?limit=500&staleDays=1", PO).json();
        assertThat(all.path("flagCounts").path("STALE").asInt()).isEqualTo(all.path("total").asInt());
    }

    @Test
    void proposalRespectsPinsAndChangesNothing() {
        List<String> keys = backlogKeys();
        site.setIssueProperty(keys.get(5), "throughline.value", Map.of("score", 1000, "model", "RICE"));
        site.setIssueProperty(keys.get(0), "throughline.value", Map.of("score", 500, "model", "RICE"));
        String pinned = keys.get(3);

        AppUnderTest.Reply reply = post("/api/boards/" + BOARD + "/proposal",
                "{\"pinned\":[\"" + pinned + "\"],\"dependencyAware\":true,\"unscoredLast\":true}", PO);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> order = texts(reply.json().path("order"));
        assertThat(order.get(0)).isEqualTo(keys.get(5));
        assertThat(order.get(1)).isEqualTo(keys.get(0));
        assertThat(order.get(3)).isEqualTo(pinned);
        JsonNode top = reply.json().path("items").get(0);
        assertThat(top.path("move").asText()).isEqualTo("UP");
        assertThat(top.path("by").asInt()).isEqualTo(5);
        assertThat(reply.json().path("calls").asInt()).isPositive();
        assertThat(reply.json().path("moved").asInt()).isPositive();
        assertThat(jira.requestCount(JiraSandbox.RANK)).isZero();
        assertThat(backlogKeys()).isEqualTo(keys);

        assertThat(post("/api/boards/" + BOARD + "/proposal", "{\"pinned\":[\"NOPE-1\"]}", PO).status()).isEqualTo(400);
    }

    @Test
    void applyReordersVerifiesAndUndoRestoresExactly() {
        List<String> before = backlogKeys();
        List<String> target = new ArrayList<>(before);
        Collections.reverse(target.subList(0, 10));
        Collections.swap(target, 20, 30);

        AppUnderTest.Reply applied = post("/api/boards/" + BOARD + "/apply", applyBody(target, before), PO);

        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.json().path("complete").asBoolean()).isTrue();
        assertThat(applied.json().path("verified").asBoolean()).isTrue();
        assertThat(applied.json().path("misplaced")).isEmpty();
        assertThat(backlogKeys()).isEqualTo(target);
        assertThat(jira.servedCount(JiraSandbox.RANK)).isEqualTo(applied.json().path("calls").asInt());
        assertThat(site.appProperties().keys("throughline").stream()
                .filter(k -> k.startsWith("throughline.grooming.undo." + BOARD + "."))).hasSize(1);

        // the client's view is now stale: nothing moves
        jira.resetTraffic();
        AppUnderTest.Reply stale = post("/api/boards/" + BOARD + "/apply", applyBody(before, before), PO);
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(texts(stale.json().path("current"))).isEqualTo(target);
        assertThat(jira.requestCount(JiraSandbox.RANK)).isZero();

        AppUnderTest.Reply undone = post("/api/boards/" + BOARD + "/undo", "{}", PO);
        assertThat(undone.status()).as(undone.body()).isEqualTo(200);
        assertThat(undone.json().path("complete").asBoolean()).isTrue();
        assertThat(backlogKeys()).isEqualTo(before);
        assertThat(post("/api/boards/" + BOARD + "/undo", "{}", PO).status()).isEqualTo(404);
    }

    @Test
    void aUserWhoMayNotScheduleIssuesGets403AndNothingMoves() {
        List<String> before = backlogKeys();
        List<String> target = new ArrayList<>(before);
        Collections.reverse(target);

        AppUnderTest.Reply reply = post("/api/boards/" + BOARD + "/apply", applyBody(target, before), VIEWER);

        assertThat(reply.status()).as(reply.body()).isEqualTo(403);
        assertThat(reply.json().path("message").asText()).contains("Schedule issues").contains(project);
        assertThat(jira.requestCount(JiraSandbox.RANK)).isZero();
        assertThat(backlogKeys()).isEqualTo(before);
        assertThat(post("/api/boards/" + BOARD + "/undo", "{}", VIEWER).status()).isEqualTo(404);
    }

    @Test
    void anOutageMidApplyIsReportedAndTheSameRequestFinishesWithoutRankingTwice() {
        List<String> before = backlogKeys();
        List<String> target = new ArrayList<>(before);
        Collections.swap(target, 0, 40);
        Collections.swap(target, 10, 30);
        jira.failNext(JiraSandbox.RANK, 4, 503, null); // the client's 4 attempts of the first rank call

        AppUnderTest.Reply failed = post("/api/boards/" + BOARD + "/apply", applyBody(target, before), PO);

        assertThat(failed.status()).as(failed.body()).isEqualTo(503);
        assertThat(failed.json().path("complete").asBoolean()).isFalse();
        int calls = failed.json().path("calls").asInt();
        assertThat(calls).isGreaterThan(1);
        assertThat(failed.json().path("moved")).isEmpty();
        assertThat(texts(failed.json().path("notMoved"))).hasSize(failed.json().path("movedCount").asInt());
        assertThat(failed.json().path("steps").findValuesAsText("outcome")).first().isEqualTo("FAILED");
        assertThat(jira.servedCount(JiraSandbox.RANK)).isZero();

        AppUnderTest.Reply retried = post("/api/boards/" + BOARD + "/apply", applyBody(target, before), PO);

        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().path("complete").asBoolean()).isTrue();
        assertThat(backlogKeys()).isEqualTo(target);
        assertThat(jira.servedCount(JiraSandbox.RANK)).isEqualTo(calls);
        // a third identical request finds nothing to do
        AppUnderTest.Reply again = post("/api/boards/" + BOARD + "/apply", applyBody(target, target), PO);
        assertThat(again.json().path("calls").asInt()).isZero();
        assertThat(jira.servedCount(JiraSandbox.RANK)).isEqualTo(calls);
        // undo still restores the order before the first attempt
        post("/api/boards/" + BOARD + "/undo", "{}", PO);
        assertThat(backlogKeys()).isEqualTo(before);
    }
}
