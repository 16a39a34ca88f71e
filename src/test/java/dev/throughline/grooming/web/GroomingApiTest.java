package dev.throughline.grooming.web;

import java.util.stream.Collectors;
import dev.throughline.sandbox.IssueType;
import dev.throughline.grooming.RankPlan;
import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.LinkType;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grooming end to end: real app, signed install into a sandbox Jira, context JWTs, ranks
 * done in the sandbox.
 */
class GroomingApiTest extends InstalledSiteTest {

    static final String PO = "po-groom";
    static final String VIEWER = "viewer-groom";
    static final long BOARD = 1;

    static String project;

    @Override
    protected void seed(SandboxSite site) {
        project = site.projectById(site.board(BOARD).orElseThrow().projectId()).key();
        site.addUser(PO, "Product Owner");
        site.addUser(VIEWER, "Viewer");
        site.grant(PO, project, "BROWSE_PROJECTS")
            .grant(PO, project, "SCHEDULE_ISSUES")
            .grant(PO, project, "EDIT_ISSUES");
        site.grant(VIEWER, project, "BROWSE_PROJECTS");
    }

    AppUnderTest.Reply get(String path, String accountId) {
        return app().get(path, connect.contextToken(accountId));
    }

    AppUnderTest.Reply post(String path, String body, String accountId) {
        return app().post(path, body, connect.contextToken(accountId));
    }

    List<String> backlogKeys() {
        return site.backlog(BOARD).stream().map(SandboxIssue::key).toList();
    }

    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    boolean hasThemes(long issueId) {
        return site.issueProperty(issueId, "throughline.themes")
            .map(value -> value instanceof Map<?, ?> map && map.get("themeIds") instanceof List<?> ids
                    && !ids.isEmpty())
            .orElse(false);
    }

    /**
     * The distinct parents of the backlog's issues that are not on the backlog
     * themselves.
     */
    int parentsOffBacklog() {
        List<SandboxIssue> backlog = site.backlog(BOARD);
        return (int) backlog.stream()
            .filter(SandboxIssue::hasParent)
            .map(SandboxIssue::parentId)
            .distinct()
            .filter(parent -> backlog.stream().noneMatch(i -> i.id() == parent))
            .count();
    }

    static String json(List<String> keys) {
        return keys.stream()
            .map(k -> "\"" + k + "\"")
            .reduce((a, b) -> a + "," + b)
            .map(s -> "[" + s + "]")
            .orElse("[]");
    }

    static String applyBody(List<String> order, List<String> expected) {
        return "{\"order\":" + json(order) + ",\"expectedCurrent\":" + json(expected) + "}";
    }

    @Test
    void aChildOfAnEpicLinkedToAThemeInheritsTheThemeAndIsNotFlaggedNoTheme() {
        List<SandboxIssue> backlog = site.backlog(BOARD);
        SandboxIssue child = backlog.stream().filter(SandboxIssue::hasParent).findFirst().orElseThrow();
        SandboxIssue epic = site.issueById(child.parentId()).orElseThrow();
        List<String> children = backlog.stream().filter(i -> i.parentId() == epic.id()).map(SandboxIssue::key).toList();
        site.setIssueProperty(epic.key(), "throughline.themes", Map.of("themeIds", List.of("t1")));
        site.setIssueProperty(children.get(0), "throughline.themes", Map.of("themeIds", List.of("t1", "t2")));
        try {
            AppUnderTest.Reply reply = get("/api/boards/" + BOARD + "/backlog?offset=0&limit=500", PO);

            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(parentsOffBacklog()).isPositive();
            int childCount = 0;
            for (JsonNode row : reply.json().path("items")) {
                if (!children.contains(row.path("key").asText())) {
                    continue;
                }
                childCount++;
                assertThat(texts(row.path("flags"))).as(row.toString()).doesNotContain("NO_THEME");
                if (row.path("key").asText().equals(children.get(0))) {
                    // linked itself too: own themes stay own, only the epic's other
                    // themes are inherited
                    assertThat(texts(row.path("themeIds"))).containsExactly("t1", "t2");
                    assertThat(texts(row.path("inheritedThemeIds"))).isEmpty();
                }
                else {
                    assertThat(texts(row.path("themeIds"))).isEmpty();
                    assertThat(texts(row.path("inheritedThemeIds"))).containsExactly("t1");
                    assertThat(row.path("themesFrom").asText()).as(row.toString()).isEqualTo(epic.key());
                }
            }
            assertThat(childCount).isEqualTo(children.size());
            assertThat(reply.json().path("total").asInt()).isEqualTo(backlog.size());
            long noTheme = backlog.stream()
                .filter(i -> !hasThemes(i.id()) && !(i.hasParent() && hasThemes(i.parentId())))
                .count();
            assertThat(reply.json().path("flagCounts").path("NO_THEME").asLong()).isEqualTo(noTheme);
            assertThat(noTheme).isLessThanOrEqualTo(backlog.size() - children.size());
            // the epics' themes cost one search per 100 distinct parents, asking only for
            // that property
            assertThat(jira.requestCount(JiraSandbox.SEARCH))
                .isEqualTo((backlog.size() + 99) / 100 + (parentsOffBacklog() + 99) / 100);
        }
        finally {
            site.issueProperties().delete(String.valueOf(epic.id()), "throughline.themes");
            site.issueProperties()
                .delete(String.valueOf(site.requireIssue(children.get(0)).id()), "throughline.themes");
        }
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
        assertThat(first.path("scoreRank").path("rank").asInt()).as("the only RICE score ranks first of one")
            .isEqualTo(1);
        assertThat(first.path("scoreRank").path("of").asInt()).isEqualTo(1);
        assertThat(body.path("items").get(1).path("scoreRank").isNull()).as("unscored rows have no rank").isTrue();
        assertThat(first.path("updated").asText()).isNotBlank();
        assertThat(texts(first.path("flags"))).doesNotContain("UNSCORED").contains("NO_THEME");
        assertThat(texts(body.path("items").get(1).path("themeIds"))).containsExactly("t-1");
        assertThat(texts(body.path("items").get(1).path("flags"))).contains("UNSCORED").doesNotContain("NO_THEME");
        assertThat(texts(body.path("items").get(2).path("flags"))).contains("BLOCKED");
        assertThat(texts(body.path("items").get(2).path("blockedBy"))).contains(openBlocker.key());

        // counts, computed independently from the sandbox
        List<SandboxIssue> backlog = site.backlog(BOARD);
        long noEstimate = backlog.stream().filter(i -> i.storyPointEstimate().isEmpty()).count();
        long parentDone = backlog.stream()
            .filter(i -> i.hasParent() && site.issueById(i.parentId()).orElseThrow().status().done())
            .count();
        long blockedCount = backlog.stream()
            .filter(i -> site.linksOf(i.id())
                .stream()
                .anyMatch(l -> l.type().equals(LinkType.BLOCKS) && l.targetIssueId() == i.id()
                        && !site.issueById(l.sourceIssueId()).orElseThrow().status().done()))
            .count();
        JsonNode counts = body.path("flagCounts");
        assertThat(counts.path("UNSCORED").asInt()).isEqualTo(keys.size() - 1);
        assertThat(counts.path("NO_THEME").asInt()).isEqualTo(keys.size() - 1);
        assertThat(counts.path("NO_ESTIMATE").asLong()).isEqualTo(noEstimate);
        assertThat(counts.path("PARENT_DONE").asLong()).isEqualTo(parentDone);
        assertThat(counts.path("BLOCKED").asLong()).isEqualTo(blockedCount).isPositive();

        // one backlog page per 50 issues, one property search per 100 issues and one per
        // 100 parents (for
        // their themes): never one request per issue
        assertThat(jira.requestCount(JiraSandbox.BACKLOG)).isEqualTo((keys.size() + 49) / 50);
        assertThat(jira.requestCount(JiraSandbox.SEARCH))
            .isEqualTo((keys.size() + 99) / 100 + (parentsOffBacklog() + 99) / 100);
    }

    @Test
    void aBlockerInAProjectTheViewerCannotBrowseIsCountedNeverNamed() {
        SandboxIssue blocked = site.requireIssue(backlogKeys().get(0));
        SandboxIssue outside = site.issues()
            .stream()
            .filter(i -> !i.projectKey().equals(project) && !i.status().done())
            .findFirst()
            .orElseThrow();
        long link = site.addLink(LinkType.BLOCKS, outside.id(), blocked.id()).id();
        site.addUser("groom-both", "Sees both projects");
        site.grant("groom-both", project, "BROWSE_PROJECTS")
            .grant("groom-both", outside.projectKey(), "BROWSE_PROJECTS");
        try {
            String path = "/api/boards/" + BOARD + "/backlog?offset=0&limit=1&refresh=true";
            AppUnderTest.Reply viewer = get(path, VIEWER);
            AppUnderTest.Reply both = get(path, "groom-both");

            assertThat(viewer.status()).as(viewer.body()).isEqualTo(200);
            JsonNode row = viewer.json().path("items").get(0);
            assertThat(texts(row.path("flags"))).contains("BLOCKED");
            assertThat(texts(row.path("blockedBy"))).doesNotContain(outside.key());
            assertThat(viewer.body()).doesNotContain("\"" + outside.key() + "\"");
            assertThat(texts(both.json().path("items").get(0).path("blockedBy"))).contains(outside.key());
        }
        finally {
            site.removeLink(link);
        }
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
        assertThat(site.appProperties()
            .keys("throughline")
            .stream()
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
        jira.failNext(JiraSandbox.RANK, 4, 503, null); // the client's 4 attempts of the
                                                       // first rank call

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

    @Test
    void applyWhenJiraRefusesSomeIssuesReportsThemPerIssueAndTheRetryMovesOnlyThose() {
        List<String> before = backlogKeys();
        String refused = before.get(40);
        String alsoOnTop = before.get(45);
        String down = before.get(30);
        List<String> target = new ArrayList<>(before);
        target.removeAll(List.of(refused, alsoOnTop, down));
        target.add(0, alsoOnTop);
        target.add(0, refused);
        target.add(7, down);
        Map<String, Integer> rankedBefore = before.stream().collect(Collectors.toMap(k -> k, site::timesRanked));
        String error = "JIRA Agile cannot execute the rank operation at this time. Please try again later.";
        site.refuseRank(refused, 503, error);
        try {
            AppUnderTest.Reply applied = post("/api/boards/" + BOARD + "/apply", applyBody(target, before), PO);

            // Jira answered 207 for the call carrying the refused issue: reported per
            // issue, the others moved
            assertThat(applied.status()).as(applied.body()).isEqualTo(200);
            JsonNode body = applied.json();
            assertThat(body.path("complete").asBoolean()).isFalse();
            assertThat(body.path("failures").findValuesAsText("issueKey")).containsExactly(refused);
            assertThat(texts(body.path("failures").get(0).path("errors"))).containsExactly(error);
            assertThat(texts(body.path("moved"))).containsExactlyInAnyOrder(alsoOnTop, down);
            assertThat(texts(body.path("notMoved"))).containsExactly(refused);
            assertThat(body.path("steps").findValuesAsText("outcome")).containsExactlyInAnyOrder("PARTIAL", "RANKED");
            assertThat(jira.servedCount(JiraSandbox.RANK)).isEqualTo(2);
            // the re-read backlog: the others are in place, the refused issue is still
            // where it was
            List<String> actual = backlogKeys();
            assertThat(actual.get(0)).isEqualTo(alsoOnTop);
            assertThat(actual.indexOf(down)).isEqualTo(6);
            List<String> others = List.of(alsoOnTop, down);
            assertThat(actual.stream().filter(k -> !others.contains(k)).toList())
                .isEqualTo(before.stream().filter(k -> !others.contains(k)).toList());
            assertThat(body.path("verified").asBoolean()).isTrue();
            assertThat(texts(body.path("misplaced"))).contains(refused)
                .containsExactlyElementsOf(RankPlan.verify(actual, target));
        }
        finally {
            site.allowRank(refused);
        }

        // the same request again resumes from where Jira left the backlog and ranks only
        // the refused issue
        jira.resetTraffic();
        AppUnderTest.Reply retried = post("/api/boards/" + BOARD + "/apply", applyBody(target, before), PO);

        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().path("resumed").asBoolean()).isTrue();
        assertThat(retried.json().path("complete").asBoolean()).isTrue();
        assertThat(texts(retried.json().path("moved"))).containsExactly(refused);
        assertThat(jira.servedCount(JiraSandbox.RANK)).isEqualTo(1);
        assertThat(backlogKeys()).isEqualTo(target);
        assertThat(before).allSatisfy(
                key -> assertThat(site.timesRanked(key) - rankedBefore.get(key)).as(key).isLessThanOrEqualTo(1));
        assertThat(List.of(refused, alsoOnTop, down))
            .allSatisfy(key -> assertThat(site.timesRanked(key) - rankedBefore.get(key)).as(key).isEqualTo(1));

        post("/api/boards/" + BOARD + "/undo", "{}", PO);
        assertThat(backlogKeys()).isEqualTo(before);
    }

    @Test
    void setModelSwitchesUnscoredAndOtherModelRowsAllOrNothing() {
        List<String> keys = backlogKeys();
        String unscored = keys.get(3);
        String ice = keys.get(4);
        AppUnderTest.Reply scored = put("/api/issues/" + ice + "/value",
                "{\"model\":\"ICE\",\"inputs\":{\"impact\":5,\"confidence\":6,\"ease\":7},\"version\":0}", PO);
        assertThat(scored.status()).as(scored.body()).isEqualTo(200);
        get("/api/boards/" + BOARD + "/backlog?limit=10", PO); // cached now
        jira.resetTraffic();
        String shared = "\"inputs\":{\"businessValue\":8,\"timeCriticality\":5,\"riskReduction\":3,\"jobSize\":5}";

        // bad input: the error names the item and the input; nothing is written
        AppUnderTest.Reply invalid = post("/api/boards/" + BOARD + "/model", "{\"model\":\"WSJF\",\"items\":["
                + "{\"issueKey\":\"" + unscored
                + "\",\"version\":0,\"inputs\":{\"businessValue\":8,\"timeCriticality\":5,\"riskReduction\":3,\"jobSize\":4}}]}",
                PO);
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.json().path("errors").findValuesAsText("field")).containsExactly("items[0].inputs.jobSize");
        // a stale version on one row: 409, and the other row is not written either
        AppUnderTest.Reply stale = post("/api/boards/" + BOARD + "/model",
                "{\"model\":\"WSJF\"," + shared + ",\"items\":[" + "{\"issueKey\":\"" + unscored
                        + "\",\"version\":0},{\"issueKey\":\"" + ice + "\",\"version\":0}]}",
                PO);
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(stale.json().path("written").asBoolean()).isFalse();
        assertThat(stale.json().path("results").get(1).path("outcome").asText()).isEqualTo("STALE");
        assertThat(site.issueProperty(site.requireIssue(unscored).id(), "throughline.value")).isEmpty();
        // an issue that is not on the board's backlog
        String epic = site.issues()
            .stream()
            .filter(i -> i.type() == IssueType.EPIC)
            .map(SandboxIssue::key)
            .findFirst()
            .orElseThrow();
        assertThat(
                post("/api/boards/" + BOARD + "/model",
                        "{\"model\":\"WSJF\"," + shared + ",\"items\":[" + "{\"issueKey\":\"" + epic
                                + "\",\"version\":0}]}",
                        PO)
                    .json()
                    .path("errors")
                    .findValuesAsText("field"))
            .containsExactly("items[0].issueKey");
        // someone who may not edit the issues
        assertThat(post("/api/boards/" + BOARD + "/model", "{\"model\":\"WSJF\"," + shared + ",\"items\":["
                + "{\"issueKey\":\"" + unscored + "\",\"version\":0}]}", VIEWER)
            .status()).isEqualTo(403);
        assertThat(jira.requestCount(JiraSandbox.ISSUE_PROPERTIES_MULTI)
                + jira.requestCount(JiraSandbox.ISSUE_PROPERTY_PUT))
            .isZero();

        // shared inputs for both rows, the second with its own job size
        AppUnderTest.Reply switched = post("/api/boards/" + BOARD + "/model",
                "{\"model\":\"WSJF\"," + shared + ",\"items\":[" + "{\"issueKey\":\"" + unscored + "\",\"version\":0},"
                        + "{\"issueKey\":\"" + ice + "\",\"version\":1,\"inputs\":{\"jobSize\":8}}]}",
                PO);

        assertThat(switched.status()).as(switched.body()).isEqualTo(200);
        assertThat(switched.json().path("written").asBoolean()).isTrue();
        assertThat(switched.json().path("results").findValuesAsText("model")).containsExactly("WSJF", "WSJF");
        assertThat(switched.json().path("results").get(0).path("score").decimalValue()).isEqualByComparingTo("3.2");
        assertThat(switched.json().path("results").get(1).path("score").decimalValue()).isEqualByComparingTo("2");
        assertThat(switched.json().path("results").findValuesAsText("version")).containsExactly("1", "2");
        // the ICE score stays in the issue's history
        JsonNode history = get("/api/issues/" + ice + "/value", PO).json().path("value").path("history");
        assertThat(history.findValuesAsText("model")).containsExactly("WSJF", "ICE");
        // the board's cached backlog was dropped: the next page shows the new model
        // without ?refresh
        int backlogReads = jira.requestCount(JiraSandbox.BACKLOG);
        JsonNode page = get("/api/boards/" + BOARD + "/backlog?limit=10", PO).json();
        assertThat(jira.requestCount(JiraSandbox.BACKLOG)).isGreaterThan(backlogReads);
        assertThat(page.path("items").get(3).path("model").asText()).isEqualTo("WSJF");
        assertThat(page.path("items").get(4).path("version").asInt()).isEqualTo(2);
        assertThat(page.path("items").get(4).path("inputs").path("jobSize").asInt()).isEqualTo(8);
    }

    AppUnderTest.Reply put(String path, String body, String accountId) {
        return app().put(path, body, connect.contextToken(accountId));
    }

}
