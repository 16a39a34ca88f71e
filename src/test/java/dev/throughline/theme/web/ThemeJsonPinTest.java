package dev.throughline.theme.web;

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

/** Pins today's JSON answers of the theme catalog endpoints (and their 409), field by field, before refactoring. */
class ThemeJsonPinTest extends ConnectedAppTest {

    private static final String PM = "pm-pin";
    private JiraSandbox jira;
    private FakeJiraSite connect;

    @BeforeEach
    void start() {
        jira = JiraSandbox.start(SandboxGenerator.demo());
        jira.site().addUser(PM, "Product Manager");
        connect = new FakeJiraSite("theme-pin-" + UUID.randomUUID(), jira.baseUrl());
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
        AppUnderTest.Reply created = app().post("/api/themes", "{\"name\":\"Self-serve onboarding\",\"horizon\":\"now\","
                + "\"color\":\"teal\",\"description\":\"Why\",\"outcome\":\"Activation +10%\",\"owner\":\"acc-1\","
                + "\"startQuarter\":\"2027-Q1\",\"endQuarter\":\"2027-Q2\",\"status\":\"active\"}", token());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        String full = "{\"id\":\"<STRING>\",\"name\":\"Self-serve onboarding\",\"color\":\"TEAL\",\"status\":\"ACTIVE\","
                + "\"horizon\":\"NOW\",\"startQuarter\":\"2027-Q1\",\"endQuarter\":\"2027-Q2\",\"outcome\":\"Activation +10%\","
                + "\"owner\":\"acc-1\",\"sortOrder\":0,\"version\":1,\"description\":\"Why\"}";
        assertPinned(created.body(), full, "id");
        assertPinned(app().get("/api/themes/" + id, token()).body(), full, "id");

        String listed = app().get("/api/themes", token()).body();
        assertPinned(listed, "{\"themes\":[{\"id\":\"<STRING>\",\"name\":\"Self-serve onboarding\",\"color\":\"TEAL\","
                + "\"status\":\"ACTIVE\",\"horizon\":\"NOW\",\"startQuarter\":\"2027-Q1\",\"endQuarter\":\"2027-Q2\","
                + "\"outcome\":\"Activation +10%\",\"owner\":\"acc-1\",\"sortOrder\":0,\"version\":1}],"
                + "\"palette\":" + palette() + "}", "id");

        String update = "{\"name\":\"Onboarding\",\"horizon\":\"next\",\"version\":1}";
        AppUnderTest.Reply updated = app().put("/api/themes/" + id, update, token());
        String afterUpdate = "{\"id\":\"<STRING>\",\"name\":\"Onboarding\",\"color\":\"BLUE\",\"status\":\"PROPOSED\","
                + "\"horizon\":\"NEXT\",\"startQuarter\":null,\"endQuarter\":null,\"outcome\":\"\","
                + "\"owner\":null,\"sortOrder\":0,\"version\":2,\"description\":\"\"}";
        assertPinned(updated.body(), afterUpdate, "id");

        AppUnderTest.Reply stale = app().put("/api/themes/" + id, update, token());
        assertThat(stale.status()).isEqualTo(409);
        assertPinned(stale.body(), "{\"status\":409,\"error\":\"Conflict\",\"message\":\"The theme \\\"Onboarding\\\" was changed"
                + " by someone else (you had version 1, it is now version 2); reload and try again.\",\"timeStamp\":\"<STRING>\","
                + "\"errors\":[{\"field\":\"version\",\"message\":\"is not the current version\"}],\"current\":" + afterUpdate + "}",
                "id", "timeStamp");

        AppUnderTest.Reply placed = app().post("/api/themes/" + id + "/placement", "{\"horizon\":\"later\",\"index\":0,\"version\":2}", token());
        assertPinned(placed.body(), afterUpdate.replace("NEXT", "LATER").replace("\"version\":2", "\"version\":3"), "id");

        AppUnderTest.Reply stalePlacement = app().post("/api/themes/" + id + "/placement", "{\"horizon\":\"now\",\"index\":0,\"version\":2}", token());
        assertThat(stalePlacement.status()).isEqualTo(409);
        assertPinned(stalePlacement.body(), "{\"status\":409,\"error\":\"Conflict\",\"message\":\"The theme \\\"Onboarding\\\" was changed"
                + " by someone else (you had version 2, it is now version 3); reload and try again.\",\"timeStamp\":\"<STRING>\","
                + "\"errors\":[{\"field\":\"version\",\"message\":\"is not the current version\"}],\"current\":"
                + afterUpdate.replace("NEXT", "LATER").replace("\"version\":2", "\"version\":3") + "}", "id", "timeStamp");

        assertPinned(app().delete("/api/themes/" + id, token()).body(), "{\"deleted\":true,\"unlinkedIssues\":0}");
    }

    private static String palette() {
        return "["
                + "{\"key\":\"BLUE\",\"hex\":\"#0C66E4\"},{\"key\":\"TEAL\",\"hex\":\"#206A83\"},{\"key\":\"GREEN\",\"hex\":\"#216E4E\"},"
                + "{\"key\":\"LIME\",\"hex\":\"#4C6B1F\"},{\"key\":\"YELLOW\",\"hex\":\"#7F5F01\"},{\"key\":\"ORANGE\",\"hex\":\"#A54800\"},"
                + "{\"key\":\"RED\",\"hex\":\"#C9372C\"},{\"key\":\"MAGENTA\",\"hex\":\"#AE4787\"},{\"key\":\"PURPLE\",\"hex\":\"#6E5DC6\"},"
                + "{\"key\":\"GRAY\",\"hex\":\"#626F86\"}"
                + "]";
    }
}
