package dev.throughline.program.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.throughline.sandbox.PropertyStore;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scores and theme links another tool (or a user through REST) writes into issue
 * properties: Jira's {@code issue_property_set} / {@code issue_property_deleted}
 * webhooks, sent by the sandbox whoever writes, are applied to the read model, so the
 * next issue panel and program rollup show them without searching Jira; late and repeated
 * deliveries change nothing.
 */
class PropertyWebhookTest extends InstalledSiteTest {

    private static final String OWNER = "po-props";

    private static final String WEBHOOK = "/webhooks/jira";

    private static final long BOARD = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String RICE_100 = "{\"model\":\"RICE\",\"inputs\":{\"reach\":100,\"impact\":2,"
            + "\"confidence\":80,\"effort\":4},\"version\":0}";

    private static final String RICE_200 = "{\"model\":\"RICE\",\"inputs\":{\"reach\":200,\"impact\":2,"
            + "\"confidence\":80,\"effort\":4},\"version\":0}";

    @Override
    protected void seed(SandboxSite site) {
        site.addUser(OWNER, "Product Owner");
        site.grant(OWNER, "WEB", "BROWSE_PROJECTS").grant(OWNER, "WEB", "EDIT_ISSUES");
        site.grantGlobal(OWNER, "ADMINISTER"); // creates the program
        String boardProject = site.projectById(site.board(BOARD).orElseThrow().projectId()).key();
        site.grant(OWNER, boardProject, "BROWSE_PROJECTS").grant(OWNER, boardProject, "SCHEDULE_ISSUES");
    }

    @BeforeEach
    void holdWebhooks() {
        jira.webhooks().hold();
    }

    /** Delivers what the sandbox sent, signed as Jira signs it. */
    private void deliver(List<String> bodies) {
        for (String body : bodies) {
            AppUnderTest.Reply reply = app().post(WEBHOOK, body, connect.requestToken("POST", WEBHOOK, "", null));
            assertThat(reply.status()).as(reply.body()).isEqualTo(204);
        }
    }

    private JsonNode panel(String issueKey) {
        AppUnderTest.Reply reply = app().get("/api/issues/" + issueKey + "/value", connect.contextToken(OWNER));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** Another tool writes (or deletes) the issue property through Jira's REST API. */
    private int anotherTool(String method, String issueKey, String propertyKey, Object value) {
        try {
            HttpRequest.Builder request = HttpRequest
                .newBuilder(URI.create(jira.baseUrl() + "/rest/api/3/issue/" + issueKey + "/properties/" + propertyKey))
                .header("Authorization", "JWT another-tool")
                .header("Content-Type", "application/json");
            request = method.equals("DELETE") ? request.DELETE()
                    : request.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(value)));
            return HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A score record as Throughline writes it, with another score. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> recordLike(String issueKey, int score) throws JsonProcessingException {
        Object stored = PropertyStore
            .unwrap(site.issueProperty(site.requireIssue(issueKey).id(), "throughline.value").orElseThrow());
        Map<String, Object> record = new LinkedHashMap<>(JSON.convertValue(stored, Map.class));
        record.put("score", score);
        record.put("updatedBy", "another-tool");
        return record;
    }

    private int searches() {
        return jira.requestCounts().getOrDefault(JiraSandbox.SEARCH, 0);
    }

    @Test
    void aScoreAnotherToolWritesOrDeletesRanksInTheNextPanelViewWithoutASearch() throws Exception {
        assertThat(app().put("/api/issues/WEB-21/value", RICE_100, connect.contextToken(OWNER)).status())
            .isEqualTo(200);
        assertThat(app().put("/api/issues/WEB-22/value", RICE_200, connect.contextToken(OWNER)).status())
            .isEqualTo(200);
        deliver(jira.webhooks().takeHeld()); // the app's own writes come back as events
                                             // too
        assertThat(panel("WEB-21").path("rankOf").asInt()).isEqualTo(2);
        jira.resetTraffic();

        assertThat(anotherTool("PUT", "WEB-23", "throughline.value", recordLike("WEB-22", 100_000))).isEqualTo(201);
        List<String> set = jira.webhooks().takeHeld();
        assertThat(set).hasSize(1);
        jira.resetTraffic();
        deliver(set);
        JsonNode after = panel("WEB-21");

        assertThat(after.path("rank").asInt()).isEqualTo(3);
        assertThat(after.path("rankOf").asInt()).isEqualTo(3);
        assertThat(searches()).as("no search: the event carried the record").isZero();
        // 3 points, as any panel view: the issue with its stored value (1 + 1) and the
        // project's default model (1)
        assertThat(jira.requestCounts())
            .containsExactlyInAnyOrderEntriesOf(Map.of("GET /rest/api/3/issue/{issueIdOrKey}", 1,
                    "GET /rest/api/3/project/{projectIdOrKey}/properties/{propertyKey}", 1));

        jira.resetTraffic();
        assertThat(anotherTool("DELETE", "WEB-23", "throughline.value", null)).isEqualTo(204);
        List<String> deleted = jira.webhooks().takeHeld();
        deliver(deleted);
        deliver(set); // the set again, late: older than the deletion, so dropped
        deliver(deleted); // and the deletion twice

        JsonNode gone = panel("WEB-21");
        assertThat(gone.path("rank").asInt()).isEqualTo(2);
        assertThat(gone.path("rankOf").asInt()).isEqualTo(2);
        assertThat(searches()).isZero();
    }

    @Test
    void aScoreAndThemeLinksAnotherToolWritesShowInTheNextRollupWithoutAFullRead() throws Exception {
        assertThat(app().put("/api/issues/WEB-21/value", RICE_100, connect.contextToken(OWNER)).status())
            .isEqualTo(200);
        deliver(jira.webhooks().takeHeld());
        AppUnderTest.Reply created = app().post("/api/programs", "{\"name\":\"Props\",\"projects\":[\"WEB\"]}",
                connect.contextToken(OWNER));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String rollup = "/api/programs/" + created.json().path("id").asText() + "/rollup";
        JsonNode before = app().get(rollup, connect.contextToken(OWNER)).json().path("groups").path("program").get(0);
        jira.resetTraffic();

        anotherTool("PUT", "WEB-24", "throughline.value", recordLike("WEB-21", 700));
        anotherTool("PUT", "WEB-24", "throughline.themes", Map.of("themeIds", List.of("t-other")));
        List<String> events = jira.webhooks().takeHeld();
        deliver(events);
        deliver(events); // delivered twice: counted once
        AppUnderTest.Reply reply = app().get(rollup, connect.contextToken(OWNER));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode after = reply.json().path("groups").path("program").get(0);

        assertThat(after.path("valueTotal").decimalValue().subtract(before.path("valueTotal").decimalValue()))
            .isEqualByComparingTo("700");
        assertThat(reply.json().path("groups").path("themes").findValuesAsText("id")).contains("t-other");
        assertThat(searches()).as("no search: the events carried the properties").isZero();

        anotherTool("DELETE", "WEB-24", "throughline.value", null);
        deliver(jira.webhooks().takeHeld());
        JsonNode deleted = app().get(rollup, connect.contextToken(OWNER)).json().path("groups").path("program").get(0);
        assertThat(deleted.path("valueTotal").decimalValue())
            .isEqualByComparingTo(before.path("valueTotal").decimalValue());
        assertThat(searches()).isZero();
    }

    @Test
    void aScoreAnotherToolWritesShowsInTheBacklogWithoutASearch() throws Exception {
        String first = site.backlog(BOARD).get(0).key();
        site.issueProperties().delete(String.valueOf(site.requireIssue(first).id()), "throughline.value");
        assertThat(app().put("/api/issues/WEB-21/value", RICE_100, connect.contextToken(OWNER)).status())
            .isEqualTo(200);
        // the board's project is read into the read model by a panel view (a backlog
        // view would also keep its rows for a minute: BacklogCache)
        panel(first);
        jira.webhooks().takeHeld(); // the app's own write: not this test's concern

        anotherTool("PUT", first, "throughline.value", recordLike("WEB-21", 4242));
        List<String> events = jira.webhooks().takeHeld();
        jira.resetTraffic();
        deliver(events);
        AppUnderTest.Reply reply = app().get("/api/boards/" + BOARD + "/backlog?offset=0&limit=3",
                connect.contextToken(OWNER));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode row = reply.json().path("items").get(0);

        assertThat(row.path("key").asText()).isEqualTo(first);
        assertThat(row.path("score").decimalValue()).isEqualByComparingTo("4242");
        assertThat(row.path("flags").toString()).doesNotContain("UNSCORED");
        assertThat(searches()).as("no search: the event carried the record").isZero();
    }

}
