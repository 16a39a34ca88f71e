package dev.throughline.planning.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.SandboxBoard;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.support.AppUnderTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Board teams in a plan's inputs ({@code boards}): the board's projects' work and
 * throughput become one team named as the board; a board that does not exist, that the
 * caller may not see or that shows none of the program's projects is a 400 on
 * {@code boards}.
 */
class PlanBoardTeamsApiTest extends PlanSiteTest {

    private long board(String project) {
        return site.boards()
            .stream()
            .filter(b -> site.projectById(b.projectId()).key().equals(project))
            .mapToLong(SandboxBoard::id)
            .findFirst()
            .orElseThrow();
    }

    private AppUnderTest.Reply inputs(String program, String query, String user) {
        return app().get("/api/programs/" + program + "/plans/inputs?quarters=2" + query, connect.contextToken(user));
    }

    @Test
    void aBoardTeamTakesItsProjectsWorkAndThroughputUnderTheBoardsName() {
        String id = program();
        JsonNode projects = inputs(id, "", PM).json();
        long web = board("WEB");
        AppUnderTest.Reply reply = inputs(id, "&boards=" + web, PM);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode boards = reply.json();
        String team = "board-" + web;
        assertThat(boards.path("teams").findValuesAsText("id")).containsExactlyInAnyOrder(team, "MOB");
        assertThat(team(boards, team).path("name").asText()).isEqualTo("WEB board");
        // one project on the board: its throughput and capacity are the project's
        assertThat(boards.path("throughput").path(team)).isEqualTo(projects.path("throughput").path("WEB"));
        assertThat(team(boards, team).path("capacity")).isEqualTo(team(projects, "WEB").path("capacity"));
        assertThat(boards.path("throughput").has("WEB")).isFalse();
        // the project's work, candidates and epics apart, is the board team's
        for (String list : List.of("candidates", "apart")) {
            assertThat(keysOf(boards.path(list), team)).as(list)
                .containsExactlyElementsOf(keysOf(projects.path(list), "WEB"));
            assertThat(keysOf(boards.path(list), "MOB")).as(list)
                .containsExactlyElementsOf(keysOf(projects.path(list), "MOB"));
        }
        assertThat(keysOf(projects.path("candidates"), "WEB").size() + keysOf(projects.path("apart"), "WEB").size())
            .isPositive();
        AppUnderTest.Reply solved = app().post("/api/programs/" + id + "/plans/solve", reply.body(),
                connect.contextToken(PM));
        assertThat(solved.status()).as(solved.body()).isEqualTo(200);
        assertThat(team(solved.json(), team).path("name").asText()).isEqualTo("WEB board");
    }

    /**
     * A board whose filter shows one WEB epic and its children: the board team gets that
     * epic and the done items among those children, counted here by hand from the
     * sandbox's issues; WEB keeps the rest of its work and throughput. The filter's
     * issues are read once (one id-only search) and kept: the next read of the inputs
     * searches no more than a read without boards.
     */
    @Test
    void aBoardWhoseFilterShowsPartOfAProjectCountsOnlyThoseIssues() {
        String id = program();
        JsonNode projects = inputs(id, "", PM).json();
        int weeks = app().get("/api/programs/" + id, connect.contextToken(PM)).json().path("throughputWeeks").asInt();
        List<String> webEpics = new ArrayList<>(keysOf(projects.path("candidates"), "WEB"));
        webEpics.addAll(keysOf(projects.path("apart"), "WEB"));
        assertThat(webEpics).hasSizeGreaterThan(1);
        String epic = webEpics.stream()
            .max(Comparator.comparingDouble(key -> sum(doneWeeks(weeks, i -> isChildOf(i, key)))))
            .orElseThrow();
        SandboxBoard checkout = site.addBoard("Checkout team", "WEB",
                "project = WEB AND (key = " + epic + " OR parent = " + epic + ")");
        AppUnderTest.Reply reply = inputs(id, "&boards=" + checkout.id(), PM);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode boards = reply.json();
        String team = "board-" + checkout.id();
        assertThat(boards.path("teams").findValuesAsText("id")).containsExactlyInAnyOrder("WEB", team, "MOB");
        List<String> onBoard = new ArrayList<>(keysOf(boards.path("candidates"), team));
        onBoard.addAll(keysOf(boards.path("apart"), team));
        assertThat(onBoard).containsExactly(epic);
        List<String> restOfWeb = new ArrayList<>(keysOf(boards.path("candidates"), "WEB"));
        restOfWeb.addAll(keysOf(boards.path("apart"), "WEB"));
        assertThat(restOfWeb).containsExactlyElementsOf(webEpics.stream().filter(k -> !k.equals(epic)).toList());
        double[] board = doneWeeks(weeks, i -> isChildOf(i, epic));
        double[] rest = doneWeeks(weeks, i -> i.projectKey().equals("WEB") && !isChildOf(i, epic));
        assertThat(sum(board)).isPositive();
        assertThat(weeksOf(boards.path("throughput").path(team))).containsExactly(board);
        assertThat(weeksOf(boards.path("throughput").path("WEB"))).containsExactly(rest);
        assertThat(team(boards, team).path("capacity").get(0).asDouble())
            .isEqualTo(BigDecimal.valueOf(sum(board) / weeks * 13).setScale(2, RoundingMode.HALF_UP).doubleValue());
        assertThat(boards.path("throughput").path("MOB")).isEqualTo(projects.path("throughput").path("MOB"));
        // kept: a second read searches as much as a read without boards
        int before = jira.requestCount(JiraSandbox.SEARCH);
        assertThat(inputs(id, "&boards=" + checkout.id(), PM).status()).isEqualTo(200);
        int withBoard = jira.requestCount(JiraSandbox.SEARCH) - before;
        assertThat(inputs(id, "", PM).status()).isEqualTo(200);
        assertThat(jira.requestCount(JiraSandbox.SEARCH) - before - withBoard).isEqualTo(withBoard);
        // two boards showing the same issue: it is one team's only
        SandboxBoard twice = site.addBoard("Epic watchers", "WEB", "project = WEB AND key = " + epic);
        assertBoards400(inputs(id, "&boards=" + checkout.id() + "," + twice.id(), PM), "boards " + checkout.id()
                + " and " + twice.id() + " both show " + epic + ": an issue's work is one team's only");
    }

    @Test
    void aBoardsIssuesAreReadOnceForCallersWithDifferentAccessEachSeeingTheirOwn() {
        String id = program();
        JsonNode projects = inputs(id, "", PM).json();
        List<String> webEpics = new ArrayList<>(keysOf(projects.path("candidates"), "WEB"));
        webEpics.addAll(keysOf(projects.path("apart"), "WEB"));
        List<String> mobEpics = new ArrayList<>(keysOf(projects.path("candidates"), "MOB"));
        mobEpics.addAll(keysOf(projects.path("apart"), "MOB"));
        String epic = webEpics.get(0);
        // the filter shows a MOB epic too, but Jira lists the board under WEB only
        SandboxBoard board = site.addBoard("Checkout team", "WEB",
                "project in (WEB, MOB) AND (key in (" + epic + ", " + mobEpics.get(0) + ") OR parent = " + epic + ")");
        String team = "board-" + board.id();
        AppUnderTest.Reply pm = inputs(id, "&boards=" + board.id(), PM);
        assertThat(pm.status()).as(pm.body()).isEqualTo(200);
        int before = jira.requestCount(JiraSandbox.SEARCH);
        AppUnderTest.Reply reader = inputs(id, "&boards=" + board.id(), READER);
        assertThat(reader.status()).as(reader.body()).isEqualTo(200);
        int withBoard = jira.requestCount(JiraSandbox.SEARCH) - before;
        assertThat(inputs(id, "", READER).status()).isEqualTo(200);
        // the reader (WEB only) does not search the board again after the PM (WEB and
        // MOB)
        assertThat(jira.requestCount(JiraSandbox.SEARCH) - before - withBoard).isEqualTo(withBoard);
        for (JsonNode read : List.of(pm.json(), reader.json())) {
            List<String> onBoard = new ArrayList<>(keysOf(read.path("candidates"), team));
            onBoard.addAll(keysOf(read.path("apart"), team));
            assertThat(onBoard).containsExactly(epic);
        }
        assertThat(reader.json().path("teams").findValuesAsText("id")).containsExactlyInAnyOrder("WEB", team);
        List<String> pmMob = new ArrayList<>(keysOf(pm.json().path("candidates"), "MOB"));
        pmMob.addAll(keysOf(pm.json().path("apart"), "MOB"));
        assertThat(pmMob).containsExactlyInAnyOrderElementsOf(mobEpics);
    }

    private boolean isChildOf(SandboxIssue issue, String epic) {
        return issue.parentId() != 0 && site.issue(epic).orElseThrow().id() == issue.parentId();
    }

    private static double sum(double[] weeks) {
        return Arrays.stream(weeks).sum();
    }

    private static double[] weeksOf(JsonNode throughput) {
        double[] weeks = new double[throughput.size()];
        for (int w = 0; w < weeks.length; w++) {
            weeks[w] = throughput.get(w).asDouble();
        }
        return weeks;
    }

    @Test
    void aBoardThatIsNotThereOrNotVisibleOrNotTheProgramsIs400NamingBoards() {
        String id = program();
        assertBoards400(inputs(id, "&boards=999", PM),
                "board 999 does not exist or shows none of this program's" + " projects you may browse");
        assertBoards400(inputs(id, "&boards=abc", PM), "each board is a board id (a positive number), not abc");
        long mob = board("MOB");
        // the reader may not browse MOB: its board is not named
        assertBoards400(inputs(id, "&boards=" + mob, READER),
                "board " + mob + " does not exist or shows none of this program's projects you may browse");
        long other = site.boards()
            .stream()
            .filter(b -> !List.of("WEB", "MOB").contains(site.projectById(b.projectId()).key()))
            .mapToLong(SandboxBoard::id)
            .findFirst()
            .orElseThrow();
        assertBoards400(inputs(id, "&boards=" + other, PM),
                "board " + other + " does not exist or shows none of this program's projects you may browse");
    }

    @Test
    void aStoredPlanKeepsItsBoardsItsSolveShowsTheBoardTeamByName() {
        String id = program();
        long web = board("WEB");
        AppUnderTest.Reply refused = app().post("/api/programs/" + id + "/plans",
                "{\"name\":\"Boards\",\"quarters\":2,\"boards\":[999]}", connect.contextToken(PM));
        assertBoards400(refused, "board 999 does not exist or shows none of this program's projects you may browse");
        AppUnderTest.Reply created = app().post("/api/programs/" + id + "/plans",
                "{\"name\":\"Boards\",\"quarters\":2,\"boards\":[" + web + "]}", connect.contextToken(PM));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String plan = "/api/programs/" + id + "/plans/" + created.json().path("id").asText();
        JsonNode read = app().get(plan, connect.contextToken(PM)).json();
        assertThat(read.path("boards").toString()).isEqualTo("[" + web + "]");
        AppUnderTest.Reply solved = app().post(plan + "/solve", "{}", connect.contextToken(PM));
        assertThat(solved.status()).as(solved.body()).isEqualTo(200);
        assertThat(team(solved.json(), "board-" + web).path("name").asText()).isEqualTo("WEB board");
        assertThat(solved.json().path("teams").findValuesAsText("id")).doesNotContain("WEB");
    }

    @Test
    void theBoardChoicesAreTheBoardsOfTheProgramsProjectsTheCallerMayBrowseByName() {
        String id = program();
        JsonNode planner = app().get("/api/programs/" + id + "/plans/boards", connect.contextToken(PM)).json();
        assertThat(choices(planner)).containsExactlyInAnyOrderElementsOf(boardsOf(List.of("WEB", "MOB")));
        List<String> names = planner.path("boards").findValuesAsText("name");
        assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        // the reader may not browse MOB: its boards are not offered
        JsonNode reader = app().get("/api/programs/" + id + "/plans/boards", connect.contextToken(READER)).json();
        assertThat(choices(reader)).containsExactlyInAnyOrderElementsOf(boardsOf(List.of("WEB")));
    }

    private List<String> boardsOf(List<String> projects) {
        return site.boards()
            .stream()
            .filter(b -> projects.contains(site.projectById(b.projectId()).key()))
            .map(b -> b.id() + " " + b.name() + " [" + site.projectById(b.projectId()).key() + "]")
            .toList();
    }

    private static List<String> choices(JsonNode answer) {
        List<String> choices = new ArrayList<>();
        answer.path("boards")
            .forEach(b -> choices.add(b.path("id").asLong() + " " + b.path("name").asText() + " "
                    + b.path("projects").toString().replace("\"", "")));
        return choices;
    }

    private static void assertBoards400(AppUnderTest.Reply reply, String message) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().path("errors").get(0).path("field").asText()).isEqualTo("boards");
        assertThat(reply.json().path("errors").get(0).path("message").asText()).isEqualTo(message);
    }

    private static JsonNode team(JsonNode answer, String id) {
        for (JsonNode team : answer.path("teams")) {
            if (team.path("id").asText().equals(id)) {
                return team;
            }
        }
        throw new AssertionError("no team " + id);
    }

    private static List<String> keysOf(JsonNode candidates, String team) {
        List<String> keys = new ArrayList<>();
        candidates.forEach(c -> {
            if (c.path("team").asText().equals(team)) {
                keys.add(c.path("key").asText());
            }
        });
        return keys;
    }

}
