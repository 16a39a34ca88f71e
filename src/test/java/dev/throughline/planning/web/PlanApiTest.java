package dev.throughline.planning.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.support.AppUnderTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planning API end to end, through the Connect door against the sandbox site: solve,
 * inputs from the program, stored plans (CRUD, planners only, 409 on a stale write), the
 * Plan page's preview of an unsaved edit (nothing stored) and write-back of a saved plan.
 */
class PlanApiTest extends PlanSiteTest {

    static final String BODY = """
            {"periods":["2027-Q1","2027-Q2"],"discount":0.1,"confidenceThreshold":0.7,
             "teams":[{"id":"WEB","name":"Web team","capacity":[10,10]},
                      {"id":"MOB","name":"Mobile team","capacity":[10,10]}],
             "candidates":[
               {"key":"WEB-1","summary":"Checkout","team":"WEB","value":90,"effort":10},
               {"key":"WEB-2","summary":"Search","team":"WEB","value":80,"effort":10},
               {"key":"WEB-3","summary":"Wishlist","team":"WEB","value":50,"effort":5},
               {"key":"MOB-1","summary":"Offline","team":"MOB","value":40,"effort":10,"commitBy":"2027-Q1"},
               {"key":"MOB-2","summary":"Share","team":"MOB","value":10,"effort":5,"blockers":["WEB-3"]}],
             "throughput":{"WEB":[1,1,0,1],"MOB":[1,0,1,1]},
             "scenarios":[{"name":"Web team grows","changes":[{"type":"capacity","team":"WEB","period":"2027-Q2","capacity":15}]},
                          {"name":"Pull in partner API","changes":[{"type":"add","candidate":{"key":"PLAT-9","team":"MOB","value":70,"effort":5}}]}]}
            """;

    static final String PLAN = """
            {"name":"Next year","quarters":2,"discount":0.2,"confidenceThreshold":0.6,
             "capacity":{"WEB":{"%1$s":5}},"commitments":{"WEB-1":"%1$s"},"exclusions":["MOB-9"],
             "scenarios":[{"name":"Web team grows","changes":[{"type":"capacity","team":"WEB","period":"%1$s","capacity":15}]},
                          {"name":"Cheaper delay","changes":[{"type":"discount","discount":0.05}]}]}
            """;

    @Test
    void solvesAPlanWithOddsWhyNotAndScenarios() {
        String id = program();
        AppUnderTest.Reply reply = app().post("/api/programs/" + id + "/plans/solve", BODY, connect.contextToken(PM));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode plan = reply.json();
        assertThat(plan.path("status").asText()).isEqualTo("OPTIMAL");
        assertThat(plan.path("gap").asDouble()).isZero();
        assertThat(plan.path("periods").toString()).isEqualTo("[\"2027-Q1\",\"2027-Q2\"]");
        JsonNode items = plan.path("items");
        assertThat(item(items, "WEB-1").path("period").asText()).isEqualTo("2027-Q1");
        assertThat(item(items, "WEB-2").path("period").asText()).isEqualTo("2027-Q2");
        assertThat(item(items, "MOB-1").path("period").asText()).isEqualTo("2027-Q1");
        assertThat(item(items, "WEB-3").path("period").isNull()).isTrue();
        assertThat(item(items, "WEB-3").path("why").asText()).isEqualTo("WEB-3 is not planned: the capacity of team"
                + " Web team through 2027-Q2 (20) is used by higher-value work WEB-1 and WEB-2; 0 is left and WEB-3"
                + " needs 5.");
        assertThat(item(items, "MOB-2").path("why").asText())
            .isEqualTo("MOB-2 is not planned: it needs WEB-3 first, which is not planned in this horizon either.");
        // 13-week quarters drawing 0 or 1 item a week: 10 points in 13 weeks is unlikely
        assertThat(item(items, "WEB-1").path("odds").asDouble()).isLessThan(0.7);
        assertThat(item(items, "WEB-1").path("flagged").asBoolean()).isTrue();
        assertThat(plan.path("commitmentOdds").has("2027-Q1")).isTrue();
        assertThat(plan.path("teams").get(0).path("load").toString()).isEqualTo("[10.0,10.0]");
        JsonNode grows = plan.path("scenarios").get(0);
        assertThat(grows.path("name").asText()).isEqualTo("Web team grows");
        assertThat(grows.path("moves").findValuesAsText("key")).contains("WEB-3", "MOB-2");
        assertThat(grows.path("value").asDouble()).isGreaterThan(plan.path("value").asDouble());
        JsonNode partner = plan.path("scenarios").get(1);
        assertThat(partner.path("moves").findValuesAsText("key")).contains("PLAT-9");
    }

    @Test
    void readsTheInputsFromTheProgramInTheShapeOfASolveBody() {
        String id = program();
        AppUnderTest.Reply reply = app().get("/api/programs/" + id + "/plans/inputs?quarters=2",
                connect.contextToken(PM));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode inputs = reply.json();
        assertThat(inputs.path("unit").asText()).isEqualTo("items");
        assertThat(inputs.path("periods").size()).isEqualTo(2);
        assertThat(inputs.path("teams").findValuesAsText("id")).containsExactlyInAnyOrder("WEB", "MOB");
        assertThat(inputs.path("throughput").has("WEB")).isTrue();
        for (JsonNode candidate : inputs.path("candidates")) {
            assertThat(candidate.path("team").asText()).isIn("WEB", "MOB");
            assertThat(candidate.path("value").asDouble()).isPositive();
        }
        assertThat(inputs.path("unscored").isArray()).isTrue();
        assertThat(inputs.path("apart").isArray()).isTrue();
        assertThat(inputs.path("converted").isArray()).isTrue();
        assertThat(inputs.has("model")).isTrue();
        for (JsonNode apart : inputs.path("apart")) {
            assertThat(apart.path("reason").asText()).matches("not scored|scored with .+");
        }
        AppUnderTest.Reply solved = app().post("/api/programs/" + id + "/plans/solve", reply.body(),
                connect.contextToken(PM));
        assertThat(solved.status()).as(solved.body()).isEqualTo(200);
        AppUnderTest.Reply tooLong = app().get("/api/programs/" + id + "/plans/inputs?quarters=9",
                connect.contextToken(PM));
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
    }

    /**
     * Each team's throughput is its own done items per full week of the program's window,
     * counted here from the sandbox's issues by hand, and its capacity 13 of their mean.
     */
    @Test
    void eachTeamsThroughputIsMeasuredFromItsOwnDoneItems() {
        String id = program();
        JsonNode program = app().get("/api/programs/" + id, connect.contextToken(PM)).json();
        assertThat(program.path("includeSubtasks").asBoolean()).isFalse();
        int weeks = program.path("throughputWeeks").asInt();
        JsonNode inputs = app().get("/api/programs/" + id + "/plans/inputs?quarters=2", connect.contextToken(PM))
            .json();
        for (String team : List.of("WEB", "MOB")) {
            double[] expected = doneWeeks(weeks, issue -> issue.projectKey().equals(team));
            List<Double> measured = new ArrayList<>();
            inputs.path("throughput").path(team).forEach(w -> measured.add(w.asDouble()));
            assertThat(measured).as(team).containsExactlyElementsOf(Arrays.stream(expected).boxed().toList());
            double perQuarter = BigDecimal.valueOf(Arrays.stream(expected).sum() / weeks * 13)
                .setScale(2, RoundingMode.HALF_UP)
                .doubleValue();
            for (JsonNode each : inputs.path("teams")) {
                if (each.path("id").asText().equals(team)) {
                    assertThat(each.path("capacity").get(0).asDouble()).as(team).isEqualTo(perQuarter);
                }
            }
        }
    }

    @Test
    void exportsThePlanAsCsv() {
        String id = program();
        AppUnderTest.Reply reply = app().post("/api/programs/" + id + "/plans/solve.csv", BODY,
                connect.contextToken(PM));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.body()).startsWith("key,summary,team,value,effort,period,odds,flagged,commitBy,why\r\n")
            .contains("WEB-1,Checkout,WEB,90,10,2027-Q1,");
    }

    @Test
    void badInputIs400NamingTheFieldAndAnUnknownProgram404() {
        String id = program();
        AppUnderTest.Reply bad = app().post("/api/programs/" + id + "/plans/solve",
                BODY.replace("\"commitBy\":\"2027-Q1\"", "\"commitBy\":\"2030-Q1\""), connect.contextToken(PM));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().path("errors").get(0).path("field").asText()).isEqualTo("candidates[3]");
        assertThat(bad.json().path("errors").get(0).path("message").asText())
            .isEqualTo("period 2030-Q1 is not in the plan's horizon");
        AppUnderTest.Reply missing = app().post("/api/programs/nope/plans/solve", BODY, connect.contextToken(PM));
        assertThat(missing.status()).as(missing.body()).isEqualTo(404);
    }

    @Test
    void writeBackSetsThePlanPropertyOnPlannedIssuesTheCallerMayEdit() {
        String id = program();
        AppUnderTest.Reply reply = app().post("/api/programs/" + id + "/plans/write-back", BODY,
                connect.contextToken(PM));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode issues = reply.json().path("issues");
        assertThat(issues.findValuesAsText("key")).containsExactly("MOB-1", "WEB-1", "WEB-2");
        assertThat(issues.findValuesAsText("outcome")).containsExactly("NOT_EDITABLE", "WRITTEN", "WRITTEN");
        assertThat(reply.json().path("planId").asText()).isEqualTo(id);
        Object written = site.issueProperty(site.requireIssue("WEB-1").id(), "throughline.plan").orElseThrow();
        assertThat(written.toString()).contains("plannedQuarter=2027-Q1").contains("planConfidence=");
        assertThat(site.issueProperty(site.requireIssue("MOB-1").id(), "throughline.plan")).isEmpty();
        assertThat(site.issueProperty(site.requireIssue("WEB-3").id(), "throughline.plan")).isEmpty();
    }

    @Test
    void writeBackIsForPlannersAndNeedsQuarters() {
        String id = program();
        AppUnderTest.Reply reader = app().post("/api/programs/" + id + "/plans/write-back", BODY,
                connect.contextToken(READER));
        assertThat(reader.status()).as(reader.body()).isEqualTo(403);
        AppUnderTest.Reply sprints = app().post("/api/programs/" + id + "/plans/write-back",
                BODY.replace("2027-Q1", "Sprint 1"), connect.contextToken(PM));
        assertThat(sprints.status()).as(sprints.body()).isEqualTo(400);
        assertThat(sprints.json().path("errors").get(0).path("field").asText()).isEqualTo("periods");
        assertThat(site.issueProperty(site.requireIssue("WEB-1").id(), "throughline.plan")).isEmpty();
    }

    @Test
    void descriptorIndexesThePlanProperty() {
        JsonNode indexes = app().get("/atlassian-connect.json", null)
            .json()
            .path("modules")
            .path("jiraEntityProperties");
        JsonNode plan = indexes.get(2).path("keyConfigurations").get(0);
        assertThat(indexes.get(2).path("key").asText()).isEqualTo("throughline-plan-index");
        assertThat(plan.path("propertyKey").asText()).isEqualTo("throughline.plan");
        assertThat(plan.path("extractions").findValuesAsText("alias")).containsExactly("plannedQuarter",
                "planConfidence", "plannedSprint", "plannedSprintId");
        assertThat(plan.path("extractions").findValuesAsText("type")).containsExactly("string", "number", "string",
                "number");
    }

    private static JsonNode item(JsonNode items, String key) {
        for (JsonNode item : items) {
            if (item.path("key").asText().equals(key)) {
                return item;
            }
        }
        throw new AssertionError("no item " + key);
    }

    private String firstQuarter(String program) {
        return app().get("/api/programs/" + program + "/plans/inputs?quarters=2", connect.contextToken(PM))
            .json()
            .path("periods")
            .get(0)
            .asText();
    }

    @Test
    void plannersCreateChangeAndDeletePlansReadersReadThem() {
        String program = program();
        String body = PLAN.formatted(firstQuarter(program));
        AppUnderTest.Reply refused = app().post("/api/programs/" + program + "/plans", body,
                connect.contextToken(READER));
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        AppUnderTest.Reply created = app().post("/api/programs/" + program + "/plans", body, connect.contextToken(PM));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode plan = created.json();
        String id = plan.path("id").asText();
        assertThat(plan.path("version").asLong()).isEqualTo(1);
        assertThat(plan.path("programId").asText()).isEqualTo(program);
        assertThat(plan.path("scenarios").size()).isEqualTo(2);
        String url = "/api/programs/" + program + "/plans/" + id;
        AppUnderTest.Reply list = app().get("/api/programs/" + program + "/plans", connect.contextToken(READER));
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().findValuesAsText("id")).containsExactly(id);
        AppUnderTest.Reply read = app().get(url, connect.contextToken(READER));
        assertThat(read.json().path("commitments").path("WEB-1").asText()).isEqualTo(firstQuarter(program));

        AppUnderTest.Reply updated = app().put(url,
                body.replace("Next year", "Next year, v2").replace("{\"name\"", "{\"version\":1,\"name\""),
                connect.contextToken(PM));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().path("version").asLong()).isEqualTo(2);
        assertThat(updated.json().path("name").asText()).isEqualTo("Next year, v2");
        AppUnderTest.Reply stale = app().put(url, body.replace("{\"name\"", "{\"version\":1,\"name\""),
                connect.contextToken(PM));
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(stale.json().path("current").path("version").asLong()).isEqualTo(2);

        AppUnderTest.Reply deleted = app().delete(url, connect.contextToken(PM));
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(app().get(url, connect.contextToken(PM)).status()).isEqualTo(404);
    }

    @Test
    void solvesAStoredPlanOnTheProgramsInputsWithItsScenarios() {
        String program = program();
        String quarter = firstQuarter(program);
        String id = app().post("/api/programs/" + program + "/plans", PLAN.formatted(quarter), connect.contextToken(PM))
            .json()
            .path("id")
            .asText();
        AppUnderTest.Reply solved = app().post("/api/programs/" + program + "/plans/" + id + "/solve", "{}",
                connect.contextToken(READER));
        assertThat(solved.status()).as(solved.body()).isEqualTo(200);
        JsonNode answer = solved.json();
        assertThat(answer.path("periods").size()).isEqualTo(2);
        assertThat(answer.path("confidenceThreshold").asDouble()).isEqualTo(0.6);
        JsonNode web = null;
        for (JsonNode team : answer.path("teams")) {
            web = team.path("id").asText().equals("WEB") ? team : web;
        }
        assertThat(web).isNotNull();
        assertThat(web.path("capacity").get(0).asDouble()).isEqualTo(5); // the plan's
                                                                         // override
        assertThat(answer.path("scenarios").findValuesAsText("name")).containsExactly("Web team grows",
                "Cheaper delay");
        AppUnderTest.Reply csv = app().get("/api/programs/" + program + "/plans/" + id + "/plan.csv",
                connect.contextToken(PM));
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.body()).startsWith("key,summary,team,value,effort,period,odds,flagged,commitBy,why");
        assertThat(app().get("/api/programs/" + program + "/plans/nosuchplan", connect.contextToken(PM)).status())
            .isEqualTo(404);
    }

    @Test
    void aStoredPlansUnusedOverridesAreNoticedAndNewOnesOutsideTheHorizonRefused() {
        String program = program();
        String quarter = firstQuarter(program);
        AppUnderTest.Reply outside = app().post("/api/programs/" + program + "/plans",
                PLAN.formatted(quarter).replace("\"WEB-1\":\"" + quarter, "\"WEB-1\":\"2020-Q1"),
                connect.contextToken(PM));
        assertThat(outside.status()).as(outside.body()).isEqualTo(400);
        assertThat(outside.json().path("errors").get(0).path("field").asText()).isEqualTo("commitments.WEB-1");
        assertThat(outside.json().path("errors").get(0).path("message").asText()).contains("2020-Q1")
            .contains("outside the plan's horizon")
            .contains("OUTSIDE_HORIZON");
        String id = app().post("/api/programs/" + program + "/plans", PLAN.formatted(quarter), connect.contextToken(PM))
            .json()
            .path("id")
            .asText();
        JsonNode notices = app()
            .post("/api/programs/" + program + "/plans/" + id + "/solve", "{}", connect.contextToken(PM))
            .json()
            .path("notices");
        // the sandbox's WEB-1 and MOB-9 are no open scored epics: their overrides are not
        // used, and said so
        assertThat(notices.findValuesAsText("field")).contains("commitments", "exclusions");
        for (JsonNode notice : notices) {
            if (notice.path("field").asText().equals("commitments")) {
                assertThat(notice.path("item").asText()).isEqualTo("WEB-1");
                assertThat(notice.path("period").asText()).isEqualTo(quarter);
                assertThat(notice.path("rule").asText()).isEqualTo("NOT_A_CANDIDATE");
                assertThat(notice.path("message").asText())
                    .startsWith("The commitment of WEB-1 to " + quarter + " is not used");
            }
        }
    }

    @Test
    void aPreviewSolvesTheEditAndStoresNothing() {
        String program = program();
        String base = "/api/programs/" + program + "/plans";
        String quarter = firstQuarter(program);
        String id = app().post(base, "{\"name\":\"Next year\",\"quarters\":2}", connect.contextToken(PM))
            .json()
            .path("id")
            .asText();
        String draft = "{\"name\":\"Next year\",\"quarters\":2,\"version\":1,\"confidenceThreshold\":0.5,"
                + "\"capacity\":{\"WEB\":{\"" + quarter + "\":3}}}";

        AppUnderTest.Reply preview = app().post(base + "/" + id + "/preview", draft, connect.contextToken(READER));

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonNode answer = preview.json();
        assertThat(answer.path("confidenceThreshold").asDouble()).isEqualTo(0.5);
        JsonNode web = null;
        for (JsonNode team : answer.path("teams")) {
            web = team.path("id").asText().equals("WEB") ? team : web;
        }
        assertThat(web).isNotNull();
        assertThat(web.path("capacity").get(0).asDouble()).isEqualTo(3);
        JsonNode stored = app().get(base + "/" + id, connect.contextToken(PM)).json();
        assertThat(stored.path("version").asLong()).isEqualTo(1);
        assertThat(stored.path("capacity").size()).isZero();
        assertThat(stored.path("confidenceThreshold").asDouble()).isEqualTo(0.7);

        AppUnderTest.Reply bad = app().post(base + "/" + id + "/preview", "{\"name\":\"\"}", connect.contextToken(PM));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(app().post(base + "/nosuchplan/preview", draft, connect.contextToken(PM)).status()).isEqualTo(404);
    }

    @Test
    void theSavedPlanIsWrittenBackByPlannersOnly() {
        String program = program();
        String base = "/api/programs/" + program + "/plans";
        String id = app().post(base, "{\"name\":\"Next year\",\"quarters\":2}", connect.contextToken(PM))
            .json()
            .path("id")
            .asText();

        AppUnderTest.Reply reader = app().post(base + "/" + id + "/write-back", "{}", connect.contextToken(READER));
        assertThat(reader.status()).as(reader.body()).isEqualTo(403);

        AppUnderTest.Reply written = app().post(base + "/" + id + "/write-back", "{}", connect.contextToken(PM));
        assertThat(written.status()).as(written.body()).isEqualTo(200);
        assertThat(written.json().path("planId").asText()).isEqualTo(program);
        assertThat(written.json().path("issues").isArray()).isTrue();
    }

    @Test
    void aLaterWriteBackClearsThePlanPropertyFromIssuesItNoLongerPlans() {
        String id = program();
        String url = "/api/programs/" + id + "/plans/write-back";
        AppUnderTest.Reply first = app().post(url, BODY, connect.contextToken(PM));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("cleared").size()).isZero();
        assertThat(site.issueProperty(site.requireIssue("WEB-2").id(), "throughline.plan")).isPresent();
        AppUnderTest.Reply second = app().post(url,
                BODY.replace("\"value\":80,\"effort\":10}", "\"value\":80,\"effort\":10,\"excluded\":true}"),
                connect.contextToken(PM));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().path("issues").findValuesAsText("key")).doesNotContain("WEB-2");
        assertThat(second.json().path("cleared").findValuesAsText("key")).containsExactly("WEB-2");
        assertThat(second.json().path("cleared").findValuesAsText("outcome")).containsExactly("CLEARED");
        assertThat(site.issueProperty(site.requireIssue("WEB-2").id(), "throughline.plan")).isEmpty();
        assertThat(site.issueProperty(site.requireIssue("WEB-1").id(), "throughline.plan")).isPresent();
    }

}
