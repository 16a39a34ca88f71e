package dev.throughline.sandbox.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectionAndTrafficTest extends DemoSandboxTest {

    @Test
    void injected429CarriesRetryAfterAndDoesNotReachTheModel() {
        sandbox.failNext(JiraSandbox.ISSUE_PROPERTY_PUT, 2, 429, 3);
        String path = "/rest/api/3/issue/WEB-1/properties/throughline.value";
        SandboxHttp.Reply first = http.put(path, Map.of("score", 1));
        assertThat(first.status()).isEqualTo(429);
        assertThat(first.header("Retry-After")).contains("3");
        assertThat(first.json().get("errorMessages")).hasSize(1);
        assertThat(http.put(path, Map.of("score", 1)).status()).isEqualTo(429);
        assertThat(http.get(path).status()).isEqualTo(404); // nothing was written by the
                                                            // failed attempts
        assertThat(http.put(path, Map.of("score", 1)).status()).isEqualTo(201);

        assertThat(sandbox.requestCount(JiraSandbox.ISSUE_PROPERTY_PUT)).isEqualTo(3);
        assertThat(sandbox.servedCount(JiraSandbox.ISSUE_PROPERTY_PUT)).isEqualTo(1);
        assertThat(sandbox.pendingFaults(JiraSandbox.ISSUE_PROPERTY_PUT)).isZero();
    }

    @Test
    void rateLimitsAnswerAsJiraDoesForEachReason() {
        for (String reason : new String[] { "jira-burst-based", "jira-per-issue-on-write", "jira-quota-global-based",
                "jira-quota-tenant-based" }) {
            sandbox.rateLimitNext(JiraSandbox.SEARCH, 1, reason, 30);
            SandboxHttp.Reply refused = http.post("/rest/api/3/search/jql", Map.of("jql", "project = WEB"));
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("RateLimit-Reason")).contains(reason);
            assertThat(refused.header("Retry-After")).contains("30");
            assertThat(refused.header("RateLimit-Reset")).isPresent();
            assertThat(refused.header("Beta-RateLimit").isPresent()).isEqualTo(reason.startsWith("jira-quota-"));
            refused.header("Beta-RateLimit").ifPresent(quota -> assertThat(quota).contains("r=0"));
        }
        assertThat(http.post("/rest/api/3/search/jql", Map.of("jql", "project = WEB")).status()).isEqualTo(200);
        assertThat(sandbox.servedCount(JiraSandbox.SEARCH)).isEqualTo(1);
    }

    @Test
    void everyAnswerCanReportTheQuota() {
        sandbox.reportQuota(65000, 64000, 1800);

        SandboxHttp.Reply answer = http.post("/rest/api/3/search/jql", Map.of("jql", "project = WEB"));

        assertThat(answer.header("Beta-RateLimit")).contains("\"global-app-quota\";r=64000;t=1800");
        assertThat(answer.header("Beta-RateLimit-Policy")).contains("\"global-app-quota\";q=65000;w=3600");
    }

    @Test
    void injected503WithoutRetryAfterAffectsOnlyItsEndpoint() {
        sandbox.failNext(JiraSandbox.SEARCH, 1, 503, null);
        assertThat(http.post("/rest/api/3/search/approximate-count", Map.of("jql", "project = WEB")).status())
            .isEqualTo(200);
        SandboxHttp.Reply failed = http.post("/rest/api/3/search/jql", Map.of("jql", "project = WEB"));
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.header("Retry-After")).isEmpty();
        assertThat(http.post("/rest/api/3/search/jql", Map.of("jql", "project = WEB")).status()).isEqualTo(200);
    }

    @Test
    void failAfterServesThePassingRequestsThenFails() {
        sandbox.failAfter(JiraSandbox.ISSUE_PROPERTY_PUT, 1, 1, 503);
        String path = "/rest/api/3/issue/WEB-1/properties/";
        assertThat(http.put(path + "first", Map.of("n", 1)).status()).isEqualTo(201);
        assertThat(http.put(path + "second", Map.of("n", 2)).status()).isEqualTo(503);
        assertThat(http.put(path + "third", Map.of("n", 3)).status()).isEqualTo(201);
        assertThat(http.get(path + "second").status()).isEqualTo(404);
    }

    @Test
    void unknownEndpointNamesAreRefusedForFaults() {
        assertThatThrownBy(() -> sandbox.failNext("GET /nowhere", 1, 500, null))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsRequestsPerEndpointAndRecordsTheAuthorizationHeader() {
        http.get("/rest/api/3/field");
        http.get("/rest/api/3/field");
        http.get("/rest/api/3/nowhere");
        assertThat(sandbox.requestCounts()).containsEntry("GET /rest/api/3/field", 2).containsEntry("UNMATCHED", 1);
        assertThat(sandbox.lastAuthorization("GET /rest/api/3/field")).isEqualTo(SandboxHttp.AUTHORIZATION);
        assertThat(sandbox.lastAuthorization()).isEqualTo(SandboxHttp.AUTHORIZATION);
        assertThat(sandbox.recentRequests()).hasSize(3);
        assertThat(sandbox.recentRequests().get(2).status()).isEqualTo(404);
        sandbox.resetTraffic();
        assertThat(sandbox.requestCounts()).isEmpty();
    }

    @Test
    void latencyDelaysEveryResponse() {
        sandbox.withLatency(Duration.ofMillis(200));
        long start = System.nanoTime();
        assertThat(http.get("/rest/api/3/field").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        sandbox.withLatency(Duration.ZERO);
    }

}
