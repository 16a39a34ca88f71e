package dev.throughline.planning.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.SandboxSprint;
import dev.throughline.sandbox.jql.JqlMatcher;
import dev.throughline.support.AppUnderTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored plan over sprints ({@code sprints: {board, count}}) through the Connect door:
 * the board's active and future sprints are the periods (by name, ids kept), each team's
 * capacity per sprint its weekly mean × the sprint's weeks; a board the caller may not
 * see, a sprint without dates or a count outside 1–26 is a 400 on {@code sprints} and
 * nothing is written; an override naming a sprint since closed is a notice.
 */
class PlanSprintsApiTest extends PlanSiteTest {

    /** WEB's board (the sandbox's first): sprints 101 (closed), 102 (active) … 107. */
    private static final long WEB_BOARD = 1;

    private static final String WEB_PM = "web-only-pm";

    @Override
    protected void seed(SandboxSite site) {
        super.seed(site);
        site.addUser(WEB_PM, "Web PM");
        site.grant(WEB_PM, "WEB", "BROWSE_PROJECTS");
    }

    @Override
    protected void afterInstall() {
        namePlanners(connect, List.of(PM, WEB_PM), List.of());
    }

    private String plans(String program) {
        return "/api/programs/" + program + "/plans";
    }

    private AppUnderTest.Reply create(String program, String body) {
        return app().post(plans(program), body, connect.contextToken(PM));
    }

    @Test
    void theBoardsNextSprintsAreThePeriodsWithCapacityPerSprintAndOdds() {
        String id = program();
        AppUnderTest.Reply created = create(id,
                "{\"name\":\"Sprints\",\"sprints\":{\"board\":1,\"count\":4}," + "\"commitments\":{}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("sprints").toString()).isEqualTo("{\"board\":1,\"count\":4}");
        String plan = plans(id) + "/" + created.json().path("id").asText();
        AppUnderTest.Reply solved = app().post(plan + "/solve", "{}", connect.contextToken(PM));
        assertThat(solved.status()).as(solved.body()).isEqualTo(200);
        JsonNode answer = solved.json();
        assertThat(answer.path("periods").toString())
            .isEqualTo("[\"WEB Sprint 2\",\"WEB Sprint 3\",\"WEB Sprint 4\",\"WEB Sprint 5\"]");
        assertThat(answer.path("sprints").findValuesAsText("id")).containsExactly("102", "103", "104", "105");
        // two-week sprints; the active one counts from today (the app's clock)
        List<Double> weeks = new ArrayList<>();
        answer.path("sprints").forEach(s -> weeks.add(s.path("weeks").asDouble()));
        assertThat(weeks.subList(1, 4)).containsOnly(2.0);
        assertThat(weeks.get(0)).isBetween(0.0, 2.0);
        assertThat(answer.path("sprints").get(0).path("end").asText()).isEqualTo("2026-12-07");
        // capacity per sprint = weekly mean × its weeks, the mean that of the throughput
        JsonNode inputs = app().get(plans(id) + "/inputs?quarters=1", connect.contextToken(PM)).json();
        for (JsonNode team : answer.path("teams")) {
            double mean = mean(inputs.path("throughput").path(team.path("id").asText()));
            List<Double> expected = weeks.stream()
                .map(w -> BigDecimal.valueOf(mean * w).setScale(2, RoundingMode.HALF_UP).doubleValue())
                .toList();
            List<Double> capacity = new ArrayList<>();
            team.path("capacity").forEach(c -> capacity.add(c.asDouble()));
            assertThat(capacity).as(team.path("id").asText()).isEqualTo(expected);
        }
        for (JsonNode item : answer.path("items")) {
            if (!item.path("period").isNull()) {
                assertThat(item.path("period").asText()).startsWith("WEB Sprint ");
                assertThat(item.path("odds").isNumber()).isTrue();
            }
        }
    }

    private static double mean(JsonNode weeks) {
        double sum = 0;
        for (JsonNode week : weeks) {
            sum += week.asDouble();
        }
        return weeks.size() == 0 ? 0 : sum / weeks.size();
    }

    @Test
    void aBoardNotSeenASprintWithoutDatesOrACountOutside1To26Is400NamingSprintsNothingWritten() {
        String id = program();
        assertSprints400(create(id, "{\"name\":\"S\",\"sprints\":{\"board\":999,\"count\":3}}"),
                "board 999 does not exist or shows none of this program's projects you may browse");
        // the board's 6th open sprint (WEB Sprint 7) has no dates yet
        assertSprints400(create(id, "{\"name\":\"S\",\"sprints\":{\"board\":1,\"count\":6}}"),
                "sprint \"WEB Sprint 7\" (id 107) of board 1 has no start and end dates: every sprint of the "
                        + "horizon needs both (give it dates in Jira, or plan fewer sprints)");
        assertSprints400(create(id, "{\"name\":\"S\",\"sprints\":{\"board\":1,\"count\":27}}"),
                "sprints.count must be 1 to 26 sprints");
        assertSprints400(create(id, "{\"name\":\"S\",\"sprints\":{\"count\":3}}"),
                "sprints.board must be a board id (a positive number)");
        long mob = site.boards()
            .stream()
            .filter(b -> site.projectById(b.projectId()).key().equals("MOB"))
            .findFirst()
            .orElseThrow()
            .id();
        // a planner who may not browse MOB may not plan its board's sprints
        AppUnderTest.Reply hidden = app().post(plans(id),
                "{\"name\":\"S\",\"sprints\":{\"board\":" + mob + ",\"count\":2}}", connect.contextToken(WEB_PM));
        assertSprints400(hidden,
                "board " + mob + " does not exist or shows none of this program's projects you may browse");
        assertThat(app().get(plans(id), connect.contextToken(PM)).json()).isEmpty();
    }

    @Test
    void commitmentsNameASprintOneClosedSinceIsANoticeAndTheCommitKeepsSprintEnds() {
        String id = program();
        AppUnderTest.Reply refused = create(id, "{\"name\":\"S\",\"sprints\":{\"board\":1,\"count\":3},"
                + "\"commitments\":{\"WEB-1\":\"WEB Sprint 1\"}}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("commitments.WEB-1");
        assertThat(refused.json().path("errors").get(0).path("message").asText())
            .contains("WEB Sprint 1 is outside the plan's horizon")
            .endsWith("(OUTSIDE_HORIZON)");
        AppUnderTest.Reply created = create(id, "{\"name\":\"S\",\"sprints\":{\"board\":1,\"count\":3},"
                + "\"capacity\":{\"WEB\":{\"WEB Sprint 2\":1.5}}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String plan = plans(id) + "/" + created.json().path("id").asText();
        JsonNode solved = app().post(plan + "/solve", "{}", connect.contextToken(PM)).json();
        JsonNode web = solved.path("teams").get(solved.path("teams").findValuesAsText("id").indexOf("WEB"));
        assertThat(web.path("capacity").get(0).asDouble()).isEqualTo(1.5);
        assertThat(solved.path("notices")).isEmpty();
        // the active sprint closes: the override naming it is reported, the horizon moves
        List<SandboxSprint> demo = site.sprints(WEB_BOARD);
        List<SandboxSprint> sprints = new ArrayList<>(demo);
        SandboxSprint active = sprints.get(1);
        sprints.set(1, new SandboxSprint(active.id(), active.boardId(), active.name(), "closed", active.start(),
                active.end()));
        site.setSprints(WEB_BOARD, sprints);
        try {
            JsonNode later = app().post(plan + "/solve", "{}", connect.contextToken(PM)).json();
            assertThat(later.path("periods").get(0).asText()).isEqualTo("WEB Sprint 3");
            assertThat(later.path("notices").findValuesAsText("rule")).containsExactly("OUTSIDE_HORIZON");
            assertThat(later.path("notices").get(0).path("field").asText()).isEqualTo("capacity");
            AppUnderTest.Reply committed = app().post(plan + "/commit", "{}", connect.contextToken(PM));
            assertThat(committed.status()).as(committed.body()).isEqualTo(200);
            assertThat(committed.json().path("periods").findValuesAsText("end")).containsExactly("2026-12-21",
                    "2027-01-04", "2027-01-18");
        }
        finally {
            site.setSprints(WEB_BOARD, demo);
        }
    }

    @Test
    void theInputsReadASprintHorizonWithAStoredPlansRules() {
        String id = program();
        AppUnderTest.Reply inputs = app().get(plans(id) + "/inputs?sprintBoard=1&sprints=4", connect.contextToken(PM));
        assertThat(inputs.status()).as(inputs.body()).isEqualTo(200);
        assertThat(inputs.json().path("periods").toString())
            .isEqualTo("[\"WEB Sprint 2\",\"WEB Sprint 3\",\"WEB Sprint 4\",\"WEB Sprint 5\"]");
        assertThat(inputs.json().path("teams").get(0).path("capacity")).hasSize(4);
        assertSprints400(app().get(plans(id) + "/inputs?sprintBoard=1&sprints=27", connect.contextToken(PM)),
                "sprints.count must be 1 to 26 sprints");
        assertSprints400(app().get(plans(id) + "/inputs?sprintBoard=1&sprints=6", connect.contextToken(PM)),
                "sprint \"WEB Sprint 7\" (id 107) of board 1 has no start and end dates: every sprint of the "
                        + "horizon needs both (give it dates in Jira, or plan fewer sprints)");
        assertSprints400(app().get(plans(id) + "/inputs?sprintBoard=999&sprints=2", connect.contextToken(PM)),
                "board 999 does not exist or shows none of this program's projects you may browse");
        assertSprints400(app().get(plans(id) + "/inputs?sprintBoard=1", connect.contextToken(PM)),
                "a sprint horizon names both sprintBoard and sprints");
    }

    @Test
    void aSprintPlansWriteBackNamesEachItemsSprintAndTheQuarterItEndsInFoundByJql() {
        String id = program();
        scoreEpics(app(), site, connect.contextToken(SandboxSite.ADMIN));
        AppUnderTest.Reply created = create(id, "{\"name\":\"S\",\"sprints\":{\"board\":1,\"count\":4},"
                + "\"capacity\":{\"WEB\":{\"WEB Sprint 3\":100}}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String plan = plans(id) + "/" + created.json().path("id").asText();
        AppUnderTest.Reply written = app().post(plan + "/write-back", "{}", connect.contextToken(PM));
        assertThat(written.status()).as(written.body()).isEqualTo(200);
        // the demo sprints end 2026-12-07, 12-21, 2027-01-04, 01-18: their quarters
        Map<String, String> quarterOf = Map.of("WEB Sprint 2", "2026-Q4", "WEB Sprint 3", "2026-Q4", "WEB Sprint 4",
                "2027-Q1", "WEB Sprint 5", "2027-Q1");
        Map<String, Long> idOf = Map.of("WEB Sprint 2", 102L, "WEB Sprint 3", 103L, "WEB Sprint 4", 104L,
                "WEB Sprint 5", 105L);
        Map<String, Set<String>> bySprint = new TreeMap<>();
        for (JsonNode row : written.json().path("issues")) {
            String sprint = row.path("plannedSprint").asText();
            assertThat(quarterOf).as(row.toString()).containsKey(sprint);
            assertThat(row.path("plannedQuarter").asText()).isEqualTo(quarterOf.get(sprint));
            assertThat(row.path("plannedSprintId").asLong()).isEqualTo(idOf.get(sprint));
            if (row.path("outcome").asText().equals("WRITTEN")) {
                bySprint.computeIfAbsent(sprint, k -> new TreeSet<>()).add(row.path("key").asText());
                Object value = site.issueProperty(site.requireIssue(row.path("key").asText()).id(), "throughline.plan")
                    .orElseThrow();
                assertThat(value.toString()).contains("plannedSprint=" + sprint)
                    .contains("plannedSprintId=" + idOf.get(sprint))
                    .contains("plannedQuarter=" + quarterOf.get(sprint));
            }
        }
        // WEB's room is in WEB Sprint 3
        assertThat(bySprint).as(written.body()).containsKey("WEB Sprint 3");
        bySprint.forEach((sprint, keys) -> {
            assertThat(keysFound("plannedSprint = \"" + sprint + "\"")).as(sprint).isEqualTo(keys);
            assertThat(keysFound("plannedSprintId = " + idOf.get(sprint))).as(sprint).isEqualTo(keys);
        });
        Set<String> all = new TreeSet<>();
        bySprint.values().forEach(all::addAll);
        assertThat(keysFound("plannedQuarter in (\"2026-Q4\", \"2027-Q1\") AND planConfidence <= 100")).isEqualTo(all);
    }

    private Set<String> keysFound(String jql) {
        return JqlMatcher.select(site, "project in (WEB, MOB) AND " + jql)
            .stream()
            .map(SandboxIssue::key)
            .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertSprints400(AppUnderTest.Reply reply, String message) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().path("errors").get(0).path("field").asText()).isEqualTo("sprints");
        assertThat(reply.json().path("errors").get(0).path("message").asText()).isEqualTo(message);
    }

}
