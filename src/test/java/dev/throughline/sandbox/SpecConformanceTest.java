package dev.throughline.sandbox;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's answers validate against Atlassian's published OpenAPI documents in ../shared/jira. */
class SpecConformanceTest {
    private static OpenApiInteractionValidator platform;
    private static OpenApiInteractionValidator software;
    private static JiraSandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() {
        Path shared = Path.of(System.getProperty("throughline.shared-dir", "../shared"));
        platform = validator(shared.resolve("jira/jira-platform-openapi.json"));
        software = validator(shared.resolve("jira/jira-software-openapi.json"));
        sandbox = JiraSandbox.startDemo();
        http = new SandboxHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
    }

    private static OpenApiInteractionValidator validator(Path spec) {
        assertThat(Files.exists(spec)).as("spec at " + spec.toAbsolutePath()).isTrue();
        return OpenApiInteractionValidator.createForSpecificationUrl(spec.toUri().toString()).build();
    }

    @Test
    void searchAndCountResponsesMatchThePlatformSpec() {
        check(platform, "/rest/api/3/search/jql", Request.Method.POST, http.post("/rest/api/3/search/jql",
                Map.of("jql", "project = WEB", "fields", List.of("*all"), "properties", List.of("p"), "maxResults", 5)));
        check(platform, "/rest/api/3/search/approximate-count", Request.Method.POST,
                http.post("/rest/api/3/search/approximate-count", Map.of("jql", "project = WEB")));
    }

    @Test
    void propertyResponsesMatchThePlatformSpec() {
        http.put("/rest/api/3/issue/WEB-1/properties/p", Map.of("score", 5));
        check(platform, "/rest/api/3/issue/WEB-1/properties/p", Request.Method.GET, http.get("/rest/api/3/issue/WEB-1/properties/p"));
        check(platform, "/rest/api/3/issue/WEB-1/properties", Request.Method.GET, http.get("/rest/api/3/issue/WEB-1/properties"));
        String app = "/rest/atlassian-connect/1/addons/dev.throughline/properties";
        check(platform, app + "/s", Request.Method.PUT, http.put(app + "/s", Map.of("a", 1)));
        check(platform, app + "/s", Request.Method.GET, http.get(app + "/s"));
        check(platform, app, Request.Method.GET, http.get(app));
        SandboxHttp.Reply multi = http.post("/rest/api/3/issue/properties/multi", Map.of("issues",
                List.of(Map.of("issueID", sandbox.site().requireIssue("WEB-1").id(), "properties", Map.of("q", 1)))));
        String task = multi.header("Location").orElseThrow().substring(sandbox.baseUrl().length());
        check(platform, task, Request.Method.GET, http.get(task));
    }

    @Test
    void metadataLinkAndPermissionResponsesMatchThePlatformSpec() {
        check(platform, "/rest/api/3/field", Request.Method.GET, http.get("/rest/api/3/field"));
        check(platform, "/rest/api/3/issueLinkType", Request.Method.GET, http.get("/rest/api/3/issueLinkType"));
        check(platform, "/rest/api/3/project/search", Request.Method.GET, http.get("/rest/api/3/project/search"));
        check(platform, "/rest/api/3/permissions/check", Request.Method.POST, http.post("/rest/api/3/permissions/check",
                Map.of("globalPermissions", List.of("ADMINISTER"), "projectPermissions",
                        List.of(Map.of("permissions", List.of("BROWSE_PROJECTS"), "projects", List.of(10000))))));
    }

    @Test
    void agileResponsesMatchTheSoftwareSpec() {
        check(software, "/rest/agile/1.0/board", Request.Method.GET, http.get("/rest/agile/1.0/board"));
        check(software, "/rest/agile/1.0/board/1/configuration", Request.Method.GET, http.get("/rest/agile/1.0/board/1/configuration"));
        check(software, "/rest/agile/1.0/board/1/backlog", Request.Method.GET, http.get("/rest/agile/1.0/board/1/backlog?maxResults=3"));
        check(software, "/rest/agile/1.0/issue/rank", Request.Method.PUT, http.put("/rest/agile/1.0/issue/rank",
                Map.of("issues", List.of("WEB-99999"), "rankBeforeIssue", "WEB-1")));
    }

    private static void check(OpenApiInteractionValidator validator, String path, Request.Method method, SandboxHttp.Reply reply) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status());
        if (!reply.raw().body().isEmpty()) response.withContentType("application/json").withBody(reply.raw().body());
        ValidationReport report = validator.validateResponse(path, method, response.build());
        assertThat(report.getMessages()).as(method + " " + path + " -> " + reply.status() + " " + reply.raw().body()).isEmpty();
    }
}
