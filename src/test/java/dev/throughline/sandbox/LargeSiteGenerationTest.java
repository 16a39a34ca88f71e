package dev.throughline.sandbox;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Generates the largest supported size and reports time and approximate heap; no timing assertion. */
class LargeSiteGenerationTest {

    @Test
    void hundredThousandIssuesGenerateAndAnswerJql() {
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
        System.out.printf("[sandbox] JQL over 100,000 issues: %d matches in %d ms%n", open.size(), (System.nanoTime() - jqlStart) / 1_000_000);
        assertThat(open).isNotEmpty();
        assertThat(site.backlog(8)).isNotEmpty();
    }
}
