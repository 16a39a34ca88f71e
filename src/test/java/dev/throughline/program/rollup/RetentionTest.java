package dev.throughline.program.rollup;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.throughline.program.rollup.TestIssue.epic;
import static dev.throughline.program.rollup.TestIssue.story;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Folding many issues keeps only per-group state: the accumulator's maps are sized by
 * groups, not issues.
 */
class RetentionTest {

    private static final int ISSUES = 100_000;

    private static final String[] PROJECTS = { "A", "B", "C", "D", "E" };

    private static final String[] THEMES = { "T0", "T1", "T2", "T3", "T4", "T5", "T6" };

    private static final int EPICS = 50;

    private static final int VERSIONS = 4;

    @Test
    void foldingAHundredThousandIssuesRetainsStateBoundedByGroups() {
        ProjectRollup rollup = new ProjectRollup(TestIssue.settings().withTrials(1_000));
        Set<ChildBucket> expectedBuckets = new HashSet<>();
        for (int e = 0; e < EPICS; e++) {
            rollup.accept(epic(PROJECTS[e % PROJECTS.length] + "-" + e).themes(THEMES[e % THEMES.length]).build());
        }
        for (int i = 0; i < ISSUES; i++) {
            String epicKey = PROJECTS[i % EPICS % PROJECTS.length] + "-" + (i % EPICS);
            TestIssue issue = story(PROJECTS[i % PROJECTS.length] + "-" + (1000 + i)).parent(epicKey)
                .created(TestIssue.TODAY.minusDays(i % 400))
                .points(i % 8)
                .versions("v" + (i % VERSIONS));
            List<String> ownThemes = i % 3 == 0 ? List.of(THEMES[i % THEMES.length]) : List.of();
            issue.themes(ownThemes.toArray(new String[0]));
            if (i % 2 == 0) {
                issue.doneOn(TestIssue.TODAY.minusDays(i % 90));
            }
            rollup.accept(issue.build());
            expectedBuckets.add(ChildBucket.of(epicKey, ownThemes));
        }

        RetainedSizes sizes = rollup.retainedSizes();
        System.out.println("retained after " + ISSUES + " issues: " + sizes);

        assertThat(sizes.projects()).isEqualTo(PROJECTS.length);
        assertThat(sizes.fixVersions()).isEqualTo(VERSIONS);
        assertThat(sizes.containers()).isEqualTo(EPICS);
        assertThat(sizes.childBuckets()).isEqualTo(expectedBuckets.size())
            .isLessThanOrEqualTo(EPICS * (THEMES.length + 1));
        assertThat(sizes.dependencyEnds()).isZero();
        ProgramResult result = RollupEngine.rollUp(rollup.settings(), List.of(rollup));
        assertThat(result.program().items()).isEqualTo(ISSUES);
        assertThat(result.epics()).hasSize(EPICS);
        assertThat(result.themes()).hasSize(THEMES.length);
    }

}
