package dev.throughline.web;

import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One deadline per user request across all its Jira calls (here 2 s instead of 20 s): a
 * slow Jira is cut off at the deadline, not after the 30 s read timeout, and retries stop
 * when their pause would outlast it.
 */
@TestPropertySource(properties = "throughline.web.request-deadline=2s")
class RequestDeadlineTest extends InstalledSiteTest {

    private static final String PROPERTY = "/api/probe/issues/WEB-1/properties/throughline.probe";

    private static final String PROPERTY_GET = "GET /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}";

    @Override
    protected void seed(SandboxSite site) {
        site.setIssueProperty("WEB-1", "throughline.probe", Map.of("site", "A"));
    }

    @Test
    void aReadFromASlowJiraEndsAtTheDeadlineWith504SayingNothingWasWritten() {
        jira.withLatency(Duration.ofSeconds(6));

        AppUnderTest.Reply reply = app().get(PROPERTY, connect.contextToken("user-1"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(504);
        assertThat(reply.contentType()).contains("application/json");
        assertThat(reply.json().path("message").asText()).contains("nothing was written");
    }

    @Test
    void aWriteToASlowJiraEndsAtTheDeadlineWith504SayingItMayHaveBeenApplied() {
        jira.withLatency(Duration.ofSeconds(6));

        AppUnderTest.Reply reply = app().put(PROPERTY, "{\"site\":\"A2\"}", connect.contextToken("user-1"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(504);
        assertThat(reply.json().path("message").asText()).contains("may or may not have been applied");
    }

    @Test
    void retriesStopWhenTheirPauseWouldOutlastTheDeadline() {
        jira.failNext(PROPERTY_GET, 3, 503, 1);

        AppUnderTest.Reply reply = app().get(PROPERTY, connect.contextToken("user-1"));

        // attempt at 0 s, pause 1 s, attempt at ~1 s; a second 1 s pause would end at the
        // deadline, so no third try
        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(reply.contentType()).contains("application/json");
        assertThat(jira.requestCount(PROPERTY_GET)).isEqualTo(2);
    }

    @Test
    void aQuickJiraIsUnaffected() {
        AppUnderTest.Reply reply = app().get(PROPERTY, connect.contextToken("user-1"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("site").asText()).isEqualTo("A");
    }

}
