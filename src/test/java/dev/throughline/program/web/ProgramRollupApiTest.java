package dev.throughline.program.web;

import dev.throughline.web.Csv;
import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.LinkType;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Program rollups end to end over the sandbox's demo company (WEB, MOB, PLAT; 400
 * issues), checked against counts made by hand from the sandbox model with the rules of
 * docs/rollup-rules.md.
 */
class ProgramRollupApiTest extends InstalledSiteTest {

    private static final String ALL = "pgm-all";

    private static final String WEB_ONLY = "pgm-web";

    private static final List<String> DEMO = List.of("WEB", "MOB", "PLAT");

    @Override
    protected void seed(SandboxSite site) {
        site.addUser(ALL, "Program Manager");
        site.addUser(WEB_ONLY, "Web Lead");
        DEMO.forEach(key -> site.grant(ALL, key, "BROWSE_PROJECTS"));
        site.grantGlobal(ALL, "ADMINISTER"); // creates the programs and themes
        site.grant(WEB_ONLY, "WEB", "BROWSE_PROJECTS");
    }

    private String createProgram(List<String> projects) {
        String keys = projects.stream().map(k -> "\"" + k + "\"").collect(Collectors.joining(","));
        AppUnderTest.Reply reply = app().post("/api/programs",
                "{\"name\":\"Demo " + UUID.randomUUID() + "\",\"projects\":[" + keys + "]}", connect.contextToken(ALL));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("id").asText();
    }

    private JsonNode rollup(String id, String user) {
        AppUnderTest.Reply reply = app().get("/api/programs/" + id + "/rollup", connect.contextToken(user));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /**
     * Items by hand: non-epic, non-sub-task issues plus epics without (visible,
     * non-sub-task) children.
     */
    private List<SandboxIssue> items(Set<String> visibleProjects) {
        List<SandboxIssue> visible = site.issues()
            .stream()
            .filter(i -> visibleProjects.contains(i.projectKey()))
            .toList();
        Set<Long> parentsOfWork = visible.stream()
            .filter(i -> i.type() != IssueType.SUBTASK && i.hasParent())
            .map(SandboxIssue::parentId)
            .collect(Collectors.toSet());
        return visible.stream()
            .filter(i -> i.type() != IssueType.SUBTASK)
            .filter(i -> i.type() != IssueType.EPIC || !parentsOfWork.contains(i.id()))
            .toList();
    }

    private static void assertGroup(JsonNode group, List<SandboxIssue> expected) {
        assertThat(group.path("items").asLong()).as("items of " + group.path("id")).isEqualTo(expected.size());
        assertThat(group.path("done").asLong()).as("done of " + group.path("id"))
            .isEqualTo(expected.stream().filter(i -> i.status().done()).count());
        double points = expected.stream().mapToDouble(i -> i.storyPointEstimate().orElse(0)).sum();
        assertThat(group.path("pointsTotal").asDouble()).as("points of " + group.path("id"))
            .isCloseTo(points, within(1e-6));
    }

    @Test
    void programTotalsMatchTheSandboxCountedByHand() {
        String id = createProgram(DEMO);

        JsonNode result = rollup(id, ALL);

        List<SandboxIssue> expected = items(Set.copyOf(DEMO));
        assertThat(expected).hasSizeGreaterThan(100);
        assertGroup(result.path("groups").path("program").get(0), expected);
        for (JsonNode project : result.path("groups").path("projects")) {
            String key = project.path("id").asText();
            assertGroup(project, expected.stream().filter(i -> i.projectKey().equals(key)).toList());
        }
        assertThat(result.path("groups").path("projects").findValuesAsText("id")).containsExactly("MOB", "PLAT", "WEB");
        assertThat(result.path("groups").path("epics").size())
            .isEqualTo(site.issues().stream().filter(i -> i.type() == IssueType.EPIC).count());
        for (JsonNode epic : result.path("groups").path("epics")) {
            assertThat(epic.path("name").asText()).as("epic rows are named by the epic's summary")
                .isEqualTo(site.requireIssue(epic.path("id").asText()).summary());
        }
        Map<Long, SandboxIssue> byId = site.issues()
            .stream()
            .collect(Collectors.toMap(SandboxIssue::id, Function.identity()));
        long openDependencies = site.links()
            .stream()
            .filter(l -> l.type() == LinkType.BLOCKS)
            .map(l -> List.of(byId.get(l.sourceIssueId()), byId.get(l.targetIssueId())))
            .filter(ends -> ends.stream().allMatch(i -> i.type() != IssueType.SUBTASK && !i.status().done()))
            .count();
        assertThat(result.path("dependencies").path("open").size()).isEqualTo(openDependencies);
        assertThat(result.path("leftOutProjects").asInt()).isZero();
        assertThat(result.path("skippedProjects")).isEmpty();
        assertThat(result.path("rules").asText()).isEqualTo("docs/rollup-rules.md");
        assertThat(result.path("burnUp").path("program").size()).isGreaterThan(20);
        JsonNode last = result.path("burnUp").path("program").get(result.path("burnUp").path("program").size() - 1);
        assertThat(last.path("scope").asLong()).isEqualTo(expected.size());
        JsonNode forecast = result.path("forecasts").path("program");
        assertThat(forecast.path("status").asText()).isIn("forecast", "no_throughput", "complete");
        if (forecast.path("status").asText().equals("forecast")) {
            assertThat(forecast.path("percentiles").findValuesAsText("percent")).containsExactly("50", "85", "95");
        }
        assertThat(forecast.path("remainingItems").asLong())
            .isEqualTo(expected.stream().filter(i -> !i.status().done()).count());
        // one search per project (pages of 100), no per-issue requests
        assertThat(jira.servedCount(JiraSandbox.SEARCH)).isEqualTo(DEMO.stream()
            .mapToInt(key -> (int) Math.max(1,
                    Math.ceil(site.issues().stream().filter(i -> i.projectKey().equals(key)).count() / 100.0)))
            .sum());
        assertThat(jira.servedCount("GET /rest/api/3/issue/{issueIdOrKey}")).isZero();
    }

    @Test
    void twoViewersShareOneFetchButSeeOnlyTheProjectsTheyMayBrowse() {
        String id = createProgram(DEMO);
        // the read model holds the projects, and a link event asks for a refresh at the
        // next view: that view and ?refresh=true both read what changed (one search each)
        rollup(id, ALL);
        AppUnderTest.Reply linked = app().post("/webhooks/jira",
                "{\"timestamp\":1764000000000,\"webhookEvent\":\"issuelink_created\",\"issueLink\":{\"id\":10100,"
                        + "\"sourceIssueId\":10001,\"destinationIssueId\":10002,"
                        + "\"issueLinkType\":{\"id\":10000,\"name\":\"Blocks\"}}}",
                connect.requestToken("POST", "/webhooks/jira", "", null));
        assertThat(linked.status()).isEqualTo(204);
        jira.resetTraffic();
        JsonNode everything = rollup(id, ALL);
        int searches = jira.servedCount(JiraSandbox.SEARCH);

        JsonNode webOnly = rollup(id, WEB_ONLY);

        assertThat(jira.servedCount(JiraSandbox.SEARCH)).isEqualTo(searches);
        assertGroup(webOnly.path("groups").path("program").get(0), items(Set.of("WEB")));
        assertThat(webOnly.path("groups").path("projects").findValuesAsText("id")).containsExactly("WEB");
        assertThat(webOnly.path("leftOutProjects").asInt()).isEqualTo(2);
        assertThat(everything.path("groups").path("program").get(0).path("items").asLong())
            .isGreaterThan(webOnly.path("groups").path("program").get(0).path("items").asLong());
        assertThat(webOnly.path("fetchedAt").asText()).isEqualTo(everything.path("fetchedAt").asText());

        AppUnderTest.Reply refreshed = app().get("/api/programs/" + id + "/rollup?refresh=true",
                connect.contextToken(ALL));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(jira.servedCount(JiraSandbox.SEARCH)).isEqualTo(2 * searches);
    }

    @Test
    void aProjectTheSiteCannotSearchIsReportedNotFatal() {
        // a save refuses a project that does not exist: GONE went after the program was
        // saved, so the program is stored as it was then
        String id = "gone1";
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("id", id);
        stored.put("name", "Saved before GONE went");
        stored.put("projects", List.of("WEB", "GONE", "MOB", "PLAT"));
        stored.put("progressBasis", "issue_count");
        stored.put("throughputWeeks", 12);
        stored.put("version", 1);
        site.appProperties().put("throughline", "throughline.program." + id, stored);

        JsonNode result = rollup(id, ALL);

        assertThat(result.path("skippedProjects").findValuesAsText("projectKey")).containsExactly("GONE");
        assertThat(result.path("skippedProjects").get(0).path("reason").asText()).isNotBlank();
        assertGroup(result.path("groups").path("program").get(0), items(Set.copyOf(DEMO)));
    }

    @Test
    void aRateLimitedSearchMidRollupIsRetriedWithoutDoubleCounting() throws Exception {
        String id = createProgram(DEMO);
        jira.withLatency(Duration.ofMillis(150));
        CompletableFuture<JsonNode> running = CompletableFuture.supplyAsync(() -> rollup(id, ALL));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jira.servedCount(JiraSandbox.SEARCH) < 1 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        jira.failNext(JiraSandbox.SEARCH, 1, 429, 1);

        JsonNode result = running.get();

        assertThat(jira.pendingFaults(JiraSandbox.SEARCH)).isZero();
        assertThat(jira.requestCount(JiraSandbox.SEARCH)).isEqualTo(jira.servedCount(JiraSandbox.SEARCH) + 1);
        assertGroup(result.path("groups").path("program").get(0), items(Set.copyOf(DEMO)));
        for (JsonNode project : result.path("groups").path("projects")) {
            String key = project.path("id").asText();
            assertGroup(project, items(Set.copyOf(DEMO)).stream().filter(i -> i.projectKey().equals(key)).toList());
        }
    }

    @Test
    void themesLinkedToEpicsGetTheirOwnGroupAndTheirEndDateFeedsConflicts() {
        site.grant(ALL, "WEB", "EDIT_ISSUES");
        AppUnderTest.Reply theme = app().post("/api/themes", "{\"name\":\"Web relaunch\",\"horizon\":\"now\","
                + "\"startQuarter\":\"2026-Q1\",\"endQuarter\":\"2026-Q1\"}", connect.contextToken(ALL));
        assertThat(theme.status()).as(theme.body()).isEqualTo(201);
        String themeId = theme.json().path("id").asText();
        AppUnderTest.Reply linked = app().post("/api/themes/" + themeId + "/links",
                "{\"jql\":\"project = WEB AND issuetype = Epic\"}", connect.contextToken(ALL));
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        String id = createProgram(DEMO);

        JsonNode result = rollup(id, ALL);

        Set<Long> webEpics = site.issues()
            .stream()
            .filter(i -> i.projectKey().equals("WEB") && i.type() == IssueType.EPIC)
            .map(SandboxIssue::id)
            .collect(Collectors.toSet());
        List<SandboxIssue> inTheme = items(Set.copyOf(DEMO)).stream()
            .filter(i -> webEpics.contains(i.id()) || webEpics.contains(i.parentId()))
            .toList();
        JsonNode group = result.path("groups").path("themes").get(0);
        assertThat(group.path("id").asText()).isEqualTo(themeId);
        assertThat(group.path("name").asText()).as("theme rows are labelled with the theme's name")
            .isEqualTo("Web relaunch");
        assertGroup(group, inTheme);
        assertThat(result.path("burnUp").path("themes").path(themeId).size())
            .isEqualTo(result.path("burnUp").path("program").size());
        assertThat(result.path("forecasts").path("themes").has(themeId)).isTrue();
        for (JsonNode dependency : result.path("dependencies").path("open")) {
            for (JsonNode conflict : dependency.path("conflicts")) {
                if (conflict.path("kind").asText().equals("blocker_due_after_theme_end")) {
                    assertThat(conflict.path("limit").asText()).isEqualTo("2026-03-31");
                    assertThat(conflict.path("themeId").asText()).isEqualTo(themeId);
                }
            }
        }
    }

    @Test
    void anUnknownProgramIs404() {
        assertThat(app().get("/api/programs/nosuchprogram/rollup", connect.contextToken(ALL)).status()).isEqualTo(404);
    }

    @Test
    void aProgramWithScopeGrowthForecastsLater() {
        String steady = createProgram(DEMO);
        String keys = DEMO.stream().map(k -> "\"" + k + "\"").collect(Collectors.joining(","));
        AppUnderTest.Reply growing = app().post("/api/programs",
                "{\"name\":\"Growing demo\",\"projects\":[" + keys + "],\"scopeGrowth\":true}",
                connect.contextToken(ALL));
        assertThat(growing.status()).as(growing.body()).isEqualTo(201);

        JsonNode without = rollup(steady, ALL);
        JsonNode with = rollup(growing.json().path("id").asText(), ALL);

        assertThat(with.path("program").path("scopeGrowth").asBoolean()).isTrue();
        assertThat(without.path("program").path("scopeGrowth").asBoolean()).isFalse();
        JsonNode plain = without.path("forecasts").path("program");
        JsonNode grown = with.path("forecasts").path("program");
        assertThat(plain.path("status").asText()).as("the demo has throughput").isEqualTo("forecast");
        assertThat(grown.path("remainingItems").asLong()).isEqualTo(plain.path("remainingItems").asLong());
        for (int i = 0; i < 3; i++) {
            JsonNode p = plain.path("percentiles").get(i);
            JsonNode g = grown.path("percentiles").get(i);
            // beyond the ten-year horizon counts as later than any week
            assertThat(g.path("beyondHorizon").asBoolean()
                    || g.path("weeksFromNow").asInt() > p.path("weeksFromNow").asInt())
                .as("%s %% with growth (%s) is later than without (%s)", p.path("percent").asText(), g, p)
                .isTrue();
        }
        assertThat(with.path("groups").path("program").get(0).path("items").asLong())
            .as("growth changes the forecast, not the counts")
            .isEqualTo(without.path("groups").path("program").get(0).path("items").asLong());
    }

    @Test
    void csvHasOneRowPerGroupWithDefusedCells() {
        String id = createProgram(DEMO);
        JsonNode result = rollup(id, ALL);

        AppUnderTest.Reply csv = app().get("/api/programs/" + id + "/rollup.csv", connect.contextToken(ALL));

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0))
            .isEqualTo("Kind,Id,Name,Items,Done,% complete,Points done,Points total,Estimate done (h),"
                    + "Estimate total (h),Value delivered %,Unestimated,Unscored,Overdue,Anomalies");
        JsonNode groups = result.path("groups");
        int rows = 1 + groups.path("projects").size() + groups.path("epics").size() + groups.path("themes").size()
                + groups.path("fixVersions").size();
        assertThat(lines).hasSize(1 + rows);
        JsonNode program = groups.path("program").get(0);
        assertThat(lines.get(1)).startsWith("program," + program.path("id").asText() + ","
                + program.path("name").asText() + "," + program.path("items").asLong() + ","
                + program.path("done").asLong() + "," + program.path("percentComplete").asText() + ",");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("project,WEB,WEB,"));
        JsonNode epic = groups.path("epics").get(0);
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("epic," + epic.path("id").asText() + ","
                + Csv.cell(site.requireIssue(epic.path("id").asText()).summary()) + ","));
        assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.cell("-1")).isEqualTo("'-1");
        assertThat(Csv.cell("@SUM")).isEqualTo("'@SUM");
        assertThat(Csv.cell("+1,5")).isEqualTo("\"'+1,5\"");
        assertThat(Csv.cell("plain")).isEqualTo("plain");
    }

}
