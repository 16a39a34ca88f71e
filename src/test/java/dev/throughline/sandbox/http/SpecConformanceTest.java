package dev.throughline.sandbox.http;

import dev.throughline.contract.JiraContract;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's exchanges (request and answer) validate against Atlassian's published
 * OpenAPI documents in ../shared/jira, through the same {@link JiraContract} the client's
 * WireMock tests use.
 */
class SpecConformanceTest extends DemoSandboxTest {

    @Test
    void searchAndCountExchangesMatchThePlatformSpec() {
        exchange("POST", "/rest/api/3/search/jql",
                Map.of("jql", "project = WEB", "fields", List.of("*all"), "properties", List.of("p"), "maxResults", 5));
        exchange("POST", "/rest/api/3/search/approximate-count", Map.of("jql", "project = WEB"));
    }

    @Test
    void propertyExchangesMatchThePlatformSpec() {
        exchange("PUT", "/rest/api/3/issue/WEB-1/properties/p", Map.of("score", 5));
        exchange("GET", "/rest/api/3/issue/WEB-1/properties/p", null);
        exchange("GET", "/rest/api/3/issue/WEB-1/properties", null);
        String app = "/rest/atlassian-connect/1/addons/dev.throughline/properties";
        exchange("PUT", app + "/s", Map.of("a", 1));
        exchange("GET", app + "/s", null);
        exchange("GET", app, null);
        SandboxHttp.Reply multi = http.post("/rest/api/3/issue/properties/multi", Map.of("issues",
                List.of(Map.of("issueID", sandbox.site().requireIssue("WEB-1").id(), "properties", Map.of("q", 1)))));
        String task = multi.header("Location").orElseThrow().substring(sandbox.baseUrl().length());
        exchange("GET", task, null);
    }

    @Test
    void metadataAndPermissionExchangesMatchThePlatformSpec() {
        exchange("GET", "/rest/api/3/field", null);
        exchange("GET", "/rest/api/3/project/search", null);
        exchange("POST", "/rest/api/3/permissions/check",
                Map.of("globalPermissions", List.of("ADMINISTER"), "projectPermissions",
                        List.of(Map.of("permissions", List.of("BROWSE_PROJECTS"), "projects", List.of(10000)))));
        sandbox.site().addToGroup("5b10ac8d82e05b22cc7d4ef5", "roadmap-planners");
        exchange("GET", "/rest/api/3/user/groups?accountId=5b10ac8d82e05b22cc7d4ef5", null);
        exchange("GET", "/rest/api/3/user/groups?accountId=nobody", null);
    }

    @Test
    void agileExchangesMatchTheSoftwareSpec() {
        exchange("GET", "/rest/agile/1.0/board", null);
        exchange("GET", "/rest/agile/1.0/board/1/configuration", null);
        exchange("GET", "/rest/agile/1.0/board/1/sprint?startAt=0&maxResults=50&state=active,future", null);
        exchange("GET", "/rest/agile/1.0/board/1/backlog?maxResults=3", null);
        exchange("PUT", "/rest/agile/1.0/issue/rank",
                Map.of("issues", List.of("WEB-99999"), "rankBeforeIssue", "WEB-1"));
    }

    private void exchange(String method, String pathAndQuery, Object body) {
        String requestBody = body == null ? null : SandboxHttp.json(body);
        SandboxHttp.Reply reply = http.send(method, pathAndQuery, requestBody);
        URI uri = URI.create(pathAndQuery);
        Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
        requestHeaders.put("Content-Type", List.of("application/json"));
        requestHeaders.put("Accept", List.of("application/json"));
        JiraContract.Exchange exchange = new JiraContract.Exchange(method, uri.getPath(), query(uri.getQuery()),
                requestHeaders, requestBody, reply.status(), reply.raw().headers().map(), reply.raw().body());
        assertThat(JiraContract.violations(exchange)).as(method + " " + pathAndQuery + " -> " + reply.status())
            .isEmpty();
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv.length > 1 ? kv[1] : "");
            }
        }
        return query;
    }

}
