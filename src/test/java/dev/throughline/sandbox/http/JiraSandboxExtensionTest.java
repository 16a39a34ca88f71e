package dev.throughline.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.SandboxGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JiraSandboxExtensionTest {

    @RegisterExtension
    final JiraSandboxExtension jira = JiraSandboxExtension.of(() -> SandboxGenerator.generate(5, 2, 150));

    @Test
    void startsAFreshSandboxForEachTestAndServesSingleIssues() {
        SandboxHttp http = new SandboxHttp(jira.sandbox());
        assertThat(jira.site().issues()).hasSize(150);
        JsonNode issue = http.get("/rest/api/3/issue/WEB-3").json();
        assertThat(issue.get("key").asText()).isEqualTo("WEB-3");
        assertThat(issue.get("fields").get("issuetype").has("hierarchyLevel")).isTrue();
        JsonNode narrow = http.get("/rest/api/3/issue/WEB-3?fields=summary&properties=p").json();
        assertThat(narrow.get("fields").size()).isEqualTo(1);
        assertThat(http.get("/rest/api/3/issue/WEB-9999").status()).isEqualTo(404);
        http.put("/rest/api/3/issue/WEB-3/properties/p", Map.of("v", 1));
    }

    @Test
    void writesFromAnotherTestAreGone() {
        assertThat(new SandboxHttp(jira.sandbox()).get("/rest/api/3/issue/WEB-3/properties/p").status()).isEqualTo(404);
    }

}
