package dev.throughline.program.web;

import dev.throughline.sandbox.JiraSandbox;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.ConnectedAppTest;
import dev.throughline.support.FakeJiraSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.throughline.support.PinnedJson.assertPinned;
import static org.assertj.core.api.Assertions.assertThat;

/** Pins today's JSON answers of the program catalog endpoints (and their 409), field by field, before refactoring. */
class ProgramJsonPinTest extends ConnectedAppTest {

    private static final String PM = "pgm-pin";
    private JiraSandbox jira;
    private FakeJiraSite connect;

    @BeforeEach
    void start() {
        jira = JiraSandbox.start(SandboxGenerator.demo());
        jira.site().addUser(PM, "Program Manager");
        jira.site().grant(PM, "WEB", "BROWSE_PROJECTS");
        connect = new FakeJiraSite("program-pin-" + UUID.randomUUID(), jira.baseUrl());
        install(connect);
        namePlanners(connect, List.of(PM), List.of());
    }

    @AfterEach
    void stop() {
        jira.stop();
    }

    private String token() {
        return connect.contextToken(PM);
    }

    @Test
    void catalogAnswersAndTheStaleVersionConflict() {
        AppUnderTest.Reply created = app().post("/api/programs", "{\"name\":\"Checkout revamp\",\"projects\":[\"WEB\",\"MOB\"],"
                + "\"jql\":\"issuetype != Bug\",\"progressBasis\":\"story_points\",\"throughputWeeks\":8}", token());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        String full = "{\"id\":\"<STRING>\",\"name\":\"Checkout revamp\",\"projects\":[\"WEB\",\"MOB\"],"
                + "\"jql\":\"issuetype != Bug\",\"progressBasis\":\"story_points\",\"includeSubtasks\":false,"
                + "\"scopeGrowth\":false,\"throughputWeeks\":8,\"version\":1}";
        assertPinned(created.body(), full, "id");
        assertPinned(app().get("/api/programs/" + id, token()).body(), full, "id");
        assertPinned(app().get("/api/programs", token()).body(), "{\"programs\":[{\"id\":\"<STRING>\",\"name\":\"Checkout revamp\","
                + "\"projectCount\":2,\"refined\":true,\"progressBasis\":\"story_points\",\"includeSubtasks\":false,"
                + "\"throughputWeeks\":8,\"version\":1}]}", "id");

        String update = "{\"name\":\"Checkout 2\",\"projects\":[\"WEB\",\"MOB\",\"PLAT\"],\"includeSubtasks\":true,\"version\":1}";
        AppUnderTest.Reply updated = app().put("/api/programs/" + id, update, token());
        String afterUpdate = "{\"id\":\"<STRING>\",\"name\":\"Checkout 2\",\"projects\":[\"WEB\",\"MOB\",\"PLAT\"],"
                + "\"jql\":null,\"progressBasis\":\"issue_count\",\"includeSubtasks\":true,"
                + "\"scopeGrowth\":false,\"throughputWeeks\":12,\"version\":2}";
        assertPinned(updated.body(), afterUpdate, "id");

        AppUnderTest.Reply stale = app().put("/api/programs/" + id, update, token());
        assertThat(stale.status()).isEqualTo(409);
        assertPinned(stale.body(), "{\"status\":409,\"error\":\"Conflict\",\"message\":\"The program \\\"Checkout 2\\\" was changed"
                + " by someone else (you had version 1, it is now version 2); reload and try again.\",\"timeStamp\":\"<STRING>\","
                + "\"errors\":[{\"field\":\"version\",\"message\":\"is not the current version\"}],\"current\":" + afterUpdate + "}",
                "id", "timeStamp");

        assertPinned(app().delete("/api/programs/" + id, token()).body(), "{\"deleted\":true}");
    }
}
