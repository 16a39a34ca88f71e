package dev.throughline.program.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;

import static dev.throughline.support.PinnedJson.assertPinned;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rollup slower than the request's deadline (here 3 s, with 1 s kept for the merge)
 * answers 503 with its progress in time, while the fetch goes on; the next request
 * answers from the fetch's cached result, or reports its failure once.
 */
@TestPropertySource(properties = { "throughline.web.request-deadline=3s", "throughline.program.merge-margin=1s" })
class ProgramRollupDeadlineTest extends InstalledSiteTest {

    private static final Duration DEADLINE = Duration.ofSeconds(3);

    /**
     * Slow enough that reading the demo company (several calls in a row) takes longer
     * than the deadline.
     */
    private static final Duration LATENCY = Duration.ofMillis(900);

    private String path;

    @Override
    protected void seed(SandboxSite site) {
        ProgramManagerSandbox.seed(site, "pgm");
    }

    @Override
    protected void afterInstall() {
        String id = app()
            .post("/api/programs", "{\"name\":\"Slow\",\"projects\":[\"WEB\",\"MOB\",\"PLAT\"]}",
                    connect.contextToken("pgm"))
            .json()
            .path("id")
            .asText();
        path = "/api/programs/" + id + "/rollup";
        jira.withLatency(LATENCY);
    }

    @Test
    void aRollupSlowerThanTheDeadlineAnswers503WithProgressInTimeThenTheNextRequestAnswersFromTheCache()
            throws Exception {
        long started = System.nanoTime();
        AppUnderTest.Reply reply = app().get(path, connect.contextToken("pgm"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(took).isLessThan(DEADLINE);
        assertThat(reply.contentType()).contains("application/json");
        JsonNode body = reply.json();
        assertThat(body.path("message").asText()).startsWith("Still reading the program from Jira: ")
            .endsWith("This page refreshes when it is ready.");
        assertThat(body.path("computing").asBoolean()).isTrue();
        assertThat(body.path("read").isIntegralNumber()).isTrue();
        assertThat(body.path("approximateTotal").isIntegralNumber()).isTrue();
        assertThat(body.path("retryAfter").asLong()).isPositive();
        assertThat(reply.header("Retry-After")).isEqualTo(body.path("retryAfter").asText());
        assertPinned(reply.body(),
                "{\"status\":503,\"error\":\"Service Unavailable\",\"message\":\"<STRING>\","
                        + "\"timeStamp\":\"<STRING>\",\"computing\":true,\"read\":\"<NUMBER>\","
                        + "\"approximateTotal\":\"<NUMBER>\",\"retryAfter\":\"<NUMBER>\"}",
                "message", "timeStamp", "read", "approximateTotal", "retryAfter");

        awaitFetchEnded();
        jira.withLatency(Duration.ZERO);
        int searches = jira.requestCount(JiraSandbox.SEARCH);
        AppUnderTest.Reply next = app().get(path, connect.contextToken("pgm"));

        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(next.json().path("groups").path("program").path(0).path("items").asLong()).isPositive();
        assertThat(jira.requestCount(JiraSandbox.SEARCH)).as("no new search").isEqualTo(searches);
    }

    @Test
    void aFailedBackgroundFetchIsReportedOnceToTheNextRequestAndNotCached() throws Exception {
        jira.failAfter(JiraSandbox.SEARCH, 0, 1, 500);

        assertThat(app().get(path, connect.contextToken("pgm")).status()).isEqualTo(503);
        awaitFetchEnded();
        jira.withLatency(Duration.ZERO);

        AppUnderTest.Reply failed = app().get(path, connect.contextToken("pgm"));
        assertThat(failed.status()).as(failed.body()).isEqualTo(503);
        assertThat(failed.json().has("computing")).as("the fetch's own failure, not progress").isFalse();
        assertThat(failed.json().path("message").asText()).doesNotStartWith("Still reading");

        int searches = jira.requestCount(JiraSandbox.SEARCH);
        AppUnderTest.Reply again = app().get(path, connect.contextToken("pgm"));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(jira.requestCount(JiraSandbox.SEARCH)).as("read afresh, not cached").isGreaterThan(searches);
    }

    private void awaitFetchEnded() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (app().get(path + "/progress", connect.contextToken("pgm")).json().path("computing").asBoolean()) {
            assertThat(System.nanoTime()).as("the background fetch ends").isLessThan(until);
            Thread.sleep(200);
        }
    }

}
