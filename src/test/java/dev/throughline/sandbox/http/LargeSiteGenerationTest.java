package dev.throughline.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.jql.JqlMatcher;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generates the largest supported size and reports time and approximate heap; no timing
 * assertion.
 */
class LargeSiteGenerationTest {

    @Test
    void hundredThousandIssuesGenerateAnswerJqlAndPageOverHttp() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        long start = System.nanoTime();
        SandboxSite site = SandboxGenerator.generate(2026, 20, 100_000);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.gc();
        long heapAfter = rt.totalMemory() - rt.freeMemory();
        System.out.printf("[sandbox] 100,000 issues, %d links, 20 projects generated in %d ms, ~%d MB heap%n",
                site.links().size(), millis, (heapAfter - heapBefore) / (1024 * 1024));

        assertThat(site.issues()).hasSize(100_000);
        long jqlStart = System.nanoTime();
        List<SandboxIssue> open = JqlMatcher.select(site, "project = P7 AND statusCategory != done ORDER BY Rank");
        System.out.printf("[sandbox] JQL over 100,000 issues: %d matches in %d ms%n", open.size(),
                (System.nanoTime() - jqlStart) / 1_000_000);
        assertThat(open).isNotEmpty();
        assertThat(site.backlog(8)).isNotEmpty();

        try (JiraSandbox sandbox = JiraSandbox.start(site)) {
            SandboxHttp http = new SandboxHttp(sandbox);
            long pageStart = System.nanoTime();
            int seen = 0;
            int pages = 0;
            String token = null;
            do {
                Map<String, Object> body = new HashMap<>(Map.of("jql", "project in (MOB, PLAT) OR project != WEB",
                        "fields", List.of("id"), "maxResults", 5000));
                if (token != null)
                    body.put("nextPageToken", token);
                JsonNode page = http.post("/rest/api/3/search/jql", body).json();
                seen += page.get("issues").size();
                token = page.path("nextPageToken").asText(null);
                pages++;
            }
            while (token != null);
            System.out.printf("[sandbox] paged %d issue ids over HTTP in %d pages, %d ms%n", seen, pages,
                    (System.nanoTime() - pageStart) / 1_000_000);
            assertThat(seen)
                .isEqualTo(100_000 - (int) site.issues().stream().filter(i -> i.projectKey().equals("WEB")).count());
            assertThat(pages).isEqualTo((seen + 4999) / 5000);
        }
    }

}
