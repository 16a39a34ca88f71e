package dev.throughline.planning.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored plans end to end: CRUD, planners only, 409 on a stale write, solving one. */
class StoredPlanApiTest extends InstalledSiteTest {

    private static final String PM = "stored-pm";

    private static final String READER = "stored-reader";

    static final String PLAN = """
            {"name":"Next year","quarters":2,"discount":0.2,"confidenceThreshold":0.6,
             "capacity":{"WEB":{"%1$s":5}},"commitments":{"WEB-1":"%1$s"},"exclusions":["MOB-9"],
             "scenarios":[{"name":"Web team grows","changes":[{"type":"capacity","team":"WEB","period":"%1$s","capacity":15}]},
                          {"name":"Cheaper delay","changes":[{"type":"discount","discount":0.05}]}]}
            """;

    @Override
    protected void seed(SandboxSite site) {
        site.addUser(PM, "Program Manager");
        site.grant(PM, "WEB", "BROWSE_PROJECTS").grant(PM, "MOB", "BROWSE_PROJECTS");
        site.addUser(READER, "Reader");
        site.grant(READER, "WEB", "BROWSE_PROJECTS");
    }

    @Override
    protected void afterInstall() {
        namePlanners(connect, List.of(PM), List.of());
    }

    private String program() {
        AppUnderTest.Reply reply = app().post("/api/programs", "{\"name\":\"Launch\",\"projects\":[\"WEB\",\"MOB\"]}",
                connect.contextToken(PM));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("id").asText();
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

}
