package dev.throughline.pacing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox answers as Jira does when the site's points quota is used up (429,
 * {@code jira-quota-tenant-based}): the program report and theme progress answer the
 * viewer's last data with its age, never an error; the settings page's points endpoint
 * shows each feature's points and the stop.
 */
class QuotaReachedApiTest extends InstalledSiteTest {

    private static final String ADMIN = "points-admin";

    private static final String VIEWER = "points-viewer";

    @Override
    protected void seed(SandboxSite site) {
        site.addUser(ADMIN, "Site Admin");
        site.addUser(VIEWER, "Viewer");
        for (String key : new String[] { "WEB", "MOB", "PLAT" }) {
            site.grant(ADMIN, key, "BROWSE_PROJECTS");
            site.grant(VIEWER, key, "BROWSE_PROJECTS");
        }
        site.grantGlobal(ADMIN, "ADMINISTER");
    }

    private JsonNode ok(AppUnderTest.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void aQuota429AnswersTheLastDataWithItsAgeAndStopsBackgroundCalls() {
        AppUnderTest.Reply created = app().post("/api/programs",
                "{\"name\":\"Quota " + UUID.randomUUID() + "\",\"projects\":[\"WEB\",\"MOB\"]}",
                connect.contextToken(ADMIN));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        JsonNode fresh = ok(app().get("/api/programs/" + id + "/rollup", connect.contextToken(VIEWER)));
        JsonNode freshThemes = ok(app().get("/api/themes/progress", connect.contextToken(VIEWER)));
        assertThat(fresh.has("stale")).isFalse();
        assertThat(freshThemes.has("stale")).isFalse();

        jira.rateLimitNext(JiraSandbox.SEARCH, 10, "jira-quota-tenant-based", 3000);
        // the quota covers every endpoint: a theme board asked to refresh asks the
        // approximate count again (a warm view keeps Jira's 0 and would ask nothing)
        jira.rateLimitNext(JiraSandbox.APPROXIMATE_COUNT, 10, "jira-quota-tenant-based", 3000);
        JsonNode report = ok(app().get("/api/programs/" + id + "/rollup?refresh=true", connect.contextToken(VIEWER)));
        JsonNode themes = ok(app().get("/api/themes/progress?refresh=true", connect.contextToken(VIEWER)));

        assertThat(report.path("groups")).isEqualTo(fresh.path("groups"));
        assertThat(report.path("stale").path("asOf").asText()).isEqualTo(fresh.path("fetchedAt").asText());
        assertThat(report.path("stale").path("reason").asText()).contains("jira-quota-tenant-based");
        assertThat(Instant.parse(report.path("stale").path("refreshAfter").asText()))
            .isBetween(Instant.now().plusSeconds(2900), Instant.now().plusSeconds(3001));
        assertThat(report.path("stale").path("message").asText())
            .matches("As of \\d\\d:\\d\\d UTC — Jira quota reached, refreshing after \\d\\d:\\d\\d UTC\\.");
        assertThat(themes.path("themes")).isEqualTo(freshThemes.path("themes"));
        assertThat(themes.path("stale").path("message").asText()).contains("Jira quota reached");

        JsonNode points = ok(app().get("/api/settings/points", connect.contextToken(ADMIN)));
        assertThat(points.path("quotaStop").path("reason").asText()).isEqualTo("jira-quota-tenant-based");
        assertThat(points.path("points").asLong()).isPositive();
        assertThat(points.path("features").findValuesAsText("feature")).contains("program", "theme");
        assertThat(app().get("/api/settings/points", connect.contextToken(VIEWER)).status()).isEqualTo(403);
    }

    @Test
    void withoutEarlierDataAQuota429SaysUntilWhen() {
        jira.rateLimitNext(JiraSandbox.SEARCH, 10, "jira-quota-tenant-based", 3000);
        jira.rateLimitNext(JiraSandbox.APPROXIMATE_COUNT, 10, "jira-quota-tenant-based", 3000);

        AppUnderTest.Reply reply = app().get("/api/themes/progress", connect.contextToken(VIEWER));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(Long.parseLong(reply.header("Retry-After"))).isBetween(2900L, 3000L);
        assertThat(reply.json().path("message").asText())
            .matches("Jira's points quota for Throughline is used up until \\d\\d:\\d\\d UTC; nothing was lost, try"
                    + " again after that\\.");
    }

}
