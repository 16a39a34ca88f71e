package dev.throughline.contract;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JiraContractTest {

    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));

    private static final Map<String, List<String>> JWT = Map.of("Content-Type", List.of("application/json"),
            "Authorization", List.of("JWT eyJhbGciOiJIUzI1NiJ9.e30.x"));

    private static JiraContract.Exchange exchange(String method, String path, String requestBody, int status,
            String responseBody) {
        return new JiraContract.Exchange(method, path, Map.of(), JWT, requestBody, status, JSON, responseBody);
    }

    @Test
    void aSpecConformingSearchPasses() {
        assertThat(JiraContract.violations(exchange("POST", "/rest/api/3/search/jql",
                "{\"jql\":\"project = TL\",\"fields\":[\"key\"],\"maxResults\":50}", 200,
                "{\"issues\":[{\"id\":\"10001\",\"key\":\"TL-1\"}],\"isLast\":true}")))
            .isEmpty();
    }

    @Test
    void issuesAsAStringIsAViolation() {
        assertThat(JiraContract.violations(exchange("POST", "/rest/api/3/search/jql", "{\"jql\":\"project = TL\"}", 200,
                "{\"issues\":\"TL-1\",\"isLast\":true}")))
            .anySatisfy(v -> assertThat(v).contains("validation.response.body.schema.type").contains("/issues"));
    }

    @Test
    void aBadRequestBodyIsAViolation() {
        assertThat(JiraContract.violations(exchange("POST", "/rest/api/3/search/jql",
                "{\"jql\":\"project = TL\",\"maxResults\":\"fifty\"}", 200, "{\"issues\":[],\"isLast\":true}")))
            .anySatisfy(v -> assertThat(v).contains("validation.request.body"));
    }

    @Test
    void theRemovedSearchEndpointIsAViolation() {
        assertThat(JiraContract
            .violations(exchange("POST", "/rest/api/3/search", "{\"jql\":\"project = TL\"}", 200, "{\"issues\":[]}")))
            .anySatisfy(v -> assertThat(v).contains("deprecated operation POST /rest/api/3/search"));
    }

    @Test
    void anUnknownPathIsAViolation() {
        assertThat(JiraContract.violations(exchange("GET", "/rest/api/3/no-such-thing", null, 200, "{}")))
            .anySatisfy(v -> assertThat(v).contains("validation.request.path.missing"));
    }

    @Test
    void anUndocumentedMethodIsAViolation() {
        assertThat(JiraContract.violations(exchange("DELETE", "/rest/api/3/field", null, 204, null)))
            .anySatisfy(v -> assertThat(v).contains("validation.request.operation.notAllowed"));
    }

    @Test
    void anUndocumentedSuccessStatusIsAViolation() {
        assertThat(JiraContract.violations(exchange("GET", "/rest/api/3/field", null, 202, "[]")))
            .anySatisfy(v -> assertThat(v).contains("validation.response.status.unknown"));
    }

    @Test
    void rateLimitAnswersAreAcceptedEverywhere() {
        assertThat(JiraContract.violations(exchange("GET", "/rest/api/3/field", null, 429,
                "{\"errorMessages\":[\"Rate limit exceeded.\"],\"errors\":{}}")))
            .isEmpty();
    }

    @Test
    void agilePathsAreCheckedAgainstTheSoftwareSpec() {
        assertThat(JiraContract.violations(exchange("GET", "/rest/agile/1.0/board", null, 200,
                "{\"values\":[{\"id\":1,\"name\":\"B\",\"type\":\"scrum\"}],\"isLast\":true,\"startAt\":0,\"maxResults\":50}")))
            .isEmpty();
        assertThat(JiraContract
            .violations(exchange("GET", "/rest/agile/1.0/board", null, 200, "{\"values\":{\"id\":1},\"isLast\":true}")))
            .isNotEmpty();
    }

    @Test
    void pathsOutsideBothSpecsAreRefused() {
        assertThatThrownBy(() -> JiraContract.violations(exchange("GET", "/wiki/rest/api/space", null, 200, "{}")))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("No Jira spec");
    }

    @Test
    void assertMatchesListsTheValidatorsMessages() {
        assertThatThrownBy(() -> JiraContract.assertMatches(
                exchange("POST", "/rest/api/3/search/jql", "{\"jql\":\"project = TL\"}", 200, "{\"issues\":\"TL-1\"}")))
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("Jira contract violated")
            .hasMessageContaining("/issues");
    }

}
