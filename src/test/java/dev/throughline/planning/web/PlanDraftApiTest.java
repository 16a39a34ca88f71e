package dev.throughline.planning.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Plan page's calls on a stored plan: a preview solves an unsaved edit and stores
 * nothing; the saved plan is written back to Jira by planners only.
 */
class PlanDraftApiTest extends InstalledSiteTest {

    private static final String PM = "draft-pm";

    private static final String READER = "draft-reader";

    @Override
    protected void seed(SandboxSite site) {
        site.addUser(PM, "Program Manager");
        site.grant(PM, "WEB", "BROWSE_PROJECTS").grant(PM, "WEB", "EDIT_ISSUES").grant(PM, "MOB", "BROWSE_PROJECTS");
        site.addUser(READER, "Reader");
        site.grant(READER, "WEB", "BROWSE_PROJECTS");
    }

    @Override
    protected void afterInstall() {
        namePlanners(connect, List.of(PM), List.of());
    }

    @Test
    void aPreviewSolvesTheEditAndStoresNothing() {
        String program = program();
        String base = "/api/programs/" + program + "/plans";
        String quarter = app().get(base + "/inputs?quarters=2", connect.contextToken(PM))
            .json()
            .path("periods")
            .get(0)
            .asText();
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

    private String program() {
        AppUnderTest.Reply reply = app().post("/api/programs", "{\"name\":\"Launch\",\"projects\":[\"WEB\",\"MOB\"]}",
                connect.contextToken(PM));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("id").asText();
    }

}
