package dev.throughline.connect;

import java.util.Map;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.ConnectedAppTest;
import dev.throughline.support.JiraTokenSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two installed sites with the same issue keys (two sandboxes from the same seed) and
 * different data: a token of site A reads and writes only site A's Jira, through install,
 * JWT and Jira round trips.
 */
class TenantIsolationTest extends ConnectedAppTest {

    private static final String PROPERTY = "/api/probe/issues/WEB-1/properties/throughline.probe";

    private JiraSandbox jiraA;

    private JiraSandbox jiraB;

    private JiraTokenSigner siteA;

    private JiraTokenSigner siteB;

    @BeforeEach
    void installTwoSites() {
        jiraA = JiraSandbox.start(SandboxGenerator.demo());
        jiraB = JiraSandbox.start(SandboxGenerator.demo());
        jiraA.site().setIssueProperty("WEB-1", "throughline.probe", Map.of("site", "A"));
        jiraB.site().setIssueProperty("WEB-1", "throughline.probe", Map.of("site", "B"));
        siteA = new JiraTokenSigner("site-a-" + UUID.randomUUID(), jiraA.baseUrl());
        siteB = new JiraTokenSigner("site-b-" + UUID.randomUUID(), jiraB.baseUrl());
        install(siteA);
        install(siteB);
    }

    @AfterEach
    void stopSandboxes() {
        jiraA.stop();
        jiraB.stop();
    }

    @Test
    void eachSiteReadsItsOwnIssueUnderTheSameKey() {
        AppUnderTest.Reply a = app().get(PROPERTY, siteA.contextToken("user-a"));
        AppUnderTest.Reply b = app().get(PROPERTY, siteB.contextToken("user-b"));

        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().path("site").asText()).isEqualTo("A");
        assertThat(b.json().path("site").asText()).isEqualTo("B");
    }

    @Test
    void aWriteWithSiteATokenChangesOnlySiteA() {
        AppUnderTest.Reply write = app().put(PROPERTY, "{\"site\":\"A2\"}", siteA.contextToken("user-a"));

        assertThat(write.status()).as(write.body()).isEqualTo(204);
        assertThat(jiraA.site()
            .issueProperty(jiraA.site().requireIssue("WEB-1").id(), "throughline.probe")
            .orElseThrow()
            .toString()).contains("A2");
        assertThat(jiraB.site()
            .issueProperty(jiraB.site().requireIssue("WEB-1").id(), "throughline.probe")
            .orElseThrow()
            .toString()).contains("B").doesNotContain("A2");
        assertThat(jiraB.requestCounts().values().stream().mapToInt(Integer::intValue).sum()).isZero();
    }

    @Test
    void requestsToJiraAreSignedForTheCallingSite() {
        app().get(PROPERTY, siteA.contextToken("user-a"));

        String authorization = jiraA.lastAuthorization();
        assertThat(authorization).startsWith("JWT ");
        assertThat(jiraB.lastAuthorization()).isNull();
    }

}
