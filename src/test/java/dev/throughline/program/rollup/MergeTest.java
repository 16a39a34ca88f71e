package dev.throughline.program.rollup;

import dev.throughline.program.ProgressBasis;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static dev.throughline.program.rollup.TestIssue.epic;
import static dev.throughline.program.rollup.TestIssue.settings;
import static dev.throughline.program.rollup.TestIssue.story;
import static dev.throughline.program.rollup.TestIssue.subtask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MergeTest {

    private static final RollupSettings SETTINGS = settings().withIncludeSubtasks(true)
        .withProgressBasis(ProgressBasis.STORY_POINTS)
        .withTrials(500)
        .withThemeEnds(Map.of("T1", LocalDate.of(2026, 3, 31)));

    /**
     * A mixed program: epics with children in other projects, themes, versions,
     * sub-tasks, links.
     */
    private static List<ProgramIssue> program() {
        List<TestIssue> issues = new ArrayList<>();
        String[] projects = { "A", "B", "C" };
        for (int p = 0; p < projects.length; p++) {
            String project = projects[p];
            issues.add(epic(project + "-1").themes("T" + p).due(LocalDate.of(2026, 4, 1)));
            issues.add(epic(project + "-2").done());
            for (int i = 3; i < 40; i++) {
                String epicKey = projects[(p + i) % 3] + "-" + (1 + i % 2);
                TestIssue issue = story(project + "-" + i).parent(epicKey)
                    .created(TestIssue.TODAY.minusDays(5L * i + p))
                    .points(i % 4 == 0 ? 0.5 : i % 5)
                    .versions("v" + (i % 3));
                if (i % 3 == 0) {
                    issue.doneOn(TestIssue.TODAY.minusDays(i));
                }
                else if (i % 3 == 1) {
                    issue.inProgress().due(TestIssue.TODAY.plusDays(i - 20));
                }
                if (i % 7 == 0) {
                    issue.themes("T" + (i % 4)).value(i + ".25");
                }
                if (i % 11 == 0) {
                    issue.blocks(projects[(p + 1) % 3] + "-" + (i + 1));
                }
                if ((i - 1) % 11 == 0 && i > 3) {
                    issue.blockedBy(projects[(p + 2) % 3] + "-" + (i - 1)); // Jira lists
                                                                            // a link on
                                                                            // both ends
                }
                if (i == 5) {
                    issue.subtasks(2);
                    issues.add(subtask(project + "-50", project + "-5").points(1).done());
                    issues.add(subtask(project + "-51", project + "-5").points(2));
                }
                issues.add(issue);
            }
        }
        return TestIssue.all(issues.toArray(new TestIssue[0]));
    }

    private static Map<String, ProjectRollup> foldPerProject(List<ProgramIssue> issues) {
        Map<String, ProjectRollup> rollups = new TreeMap<>();
        for (ProgramIssue issue : issues) {
            rollups.computeIfAbsent(issue.projectKey(), k -> new ProjectRollup(SETTINGS)).accept(issue);
        }
        return rollups;
    }

    @Test
    void mergingProjectRollupsGivesTheSameResultAsFoldingEverythingAtOnce() {
        List<ProgramIssue> issues = program();

        ProgramResult atOnce = RollupEngine.rollUpIssues(SETTINGS, issues);
        ProgramResult merged = RollupEngine.rollUp(SETTINGS, foldPerProject(issues).values());

        assertThat(merged).isEqualTo(atOnce);
        assertThat(merged.program().items()).isGreaterThan(100);
        assertThat(merged.dependencies().open()).isNotEmpty();
    }

    @Test
    void partitionsFoldedConcurrentlyMergeToTheSameResult() {
        List<ProgramIssue> issues = program();
        Map<Integer, ProjectRollup> partitions = new ConcurrentHashMap<>();
        // One accumulator per partition, each filled by its own thread.
        issues.stream()
            .collect(Collectors.groupingBy(issue -> Math.floorMod(issue.key().hashCode(), 5)))
            .entrySet()
            .parallelStream()
            .forEach(entry -> {
                ProjectRollup rollup = new ProjectRollup(SETTINGS);
                entry.getValue().forEach(rollup::accept);
                partitions.put(entry.getKey(), rollup);
            });

        assertThat(RollupEngine.rollUp(SETTINGS, partitions.values()))
            .isEqualTo(RollupEngine.rollUpIssues(SETTINGS, issues));
    }

    @Test
    void differentSubsetsOfProjectsMergeIntoDifferentTotals() {
        List<ProgramIssue> issues = program();
        Map<String, ProjectRollup> rollups = foldPerProject(issues);

        ProgramResult ab = RollupEngine.rollUp(SETTINGS, List.of(rollups.get("A"), rollups.get("B")));
        ProgramResult bc = RollupEngine.rollUp(SETTINGS, List.of(rollups.get("B"), rollups.get("C")));
        ProgramResult abDirect = RollupEngine.rollUpIssues(SETTINGS,
                issues.stream().filter(i -> !i.projectKey().equals("C")).toList());

        assertThat(ab).isEqualTo(abDirect);
        assertThat(ab.projects()).extracting(GroupSummary::id).containsExactly("A", "B");
        assertThat(bc.projects()).extracting(GroupSummary::id).containsExactly("B", "C");
        assertThat(ab.program()).isNotEqualTo(bc.program());
    }

    @Test
    void epicsAreNamedByTheirSummaryAndNoSummaryLeavesAMergeWithoutTheirProject() {
        List<ProgramIssue> issues = TestIssue.all(epic("A-1").summary("Checkout redesign"),
                story("A-2").summary("Pay by card").parent("A-1"), story("B-1").summary("Card form").parent("A-1"),
                epic("B-2").summary("   "));
        Map<String, ProjectRollup> rollups = foldPerProject(issues);

        ProgramResult all = RollupEngine.rollUp(SETTINGS, rollups.values());
        ProgramResult withoutA = RollupEngine.rollUp(SETTINGS, List.of(rollups.get("B")));

        assertThat(all.epicSummaries()).as("stories keep no summary; a blank one names nothing")
            .containsExactly(Map.entry("A-1", "Checkout redesign"));
        assertThat(all.epic("A-1").items()).isEqualTo(2);
        assertThat(withoutA.epics()).extracting(GroupSummary::id)
            .as("an epic the merge did not read has no row")
            .containsExactly("B-2");
        assertThat(withoutA.epicSummaries()).isEmpty();
    }

    @Test
    void rollingUpLeavesTheAccumulatorsUsable() {
        ProjectRollup rollup = new ProjectRollup(SETTINGS);
        rollup.accept(story("A-1").points(1).build());
        RollupEngine.rollUp(SETTINGS, List.of(rollup, new ProjectRollup(SETTINGS)));
        rollup.accept(story("A-2").points(2).build());

        assertThat(RollupEngine.rollUp(SETTINGS, List.of(rollup)).program().pointsTotal()).isEqualByComparingTo("3");
    }

    @Test
    void rollupsWithDifferentSettingsDoNotMerge() {
        ProjectRollup a = new ProjectRollup(SETTINGS);
        ProjectRollup b = new ProjectRollup(SETTINGS.withIncludeSubtasks(false));

        assertThatThrownBy(() -> RollupEngine.rollUp(SETTINGS, List.of(a, b)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("different settings");
    }

    @Test
    void anEpicFoldedIntoTwoRollupsIsRejected() {
        ProjectRollup a = new ProjectRollup(SETTINGS);
        ProjectRollup b = new ProjectRollup(SETTINGS);
        a.accept(epic("A-1").build());
        b.accept(epic("A-1").build());

        assertThatThrownBy(() -> RollupEngine.rollUp(SETTINGS, List.of(a, b)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("A-1");
    }

}
