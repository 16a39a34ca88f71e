package dev.throughline.program.rollup;

import dev.throughline.program.ProgressBasis;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static dev.throughline.program.rollup.TestIssue.TODAY;
import static dev.throughline.program.rollup.TestIssue.epic;
import static dev.throughline.program.rollup.TestIssue.rollUp;
import static dev.throughline.program.rollup.TestIssue.settings;
import static dev.throughline.program.rollup.TestIssue.story;
import static dev.throughline.program.rollup.TestIssue.subtask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** One test per rule in docs/rollup-rules.md. */
class RollupRulesTest {

    @Test
    void onlyTheDoneStatusCategoryCountsAsDone() {
        GroupSummary program = rollUp(story("A-1"), story("A-2").inProgress(), story("A-3").done()).program();

        assertThat(program.items()).isEqualTo(3);
        assertThat(program.todo()).isEqualTo(1);
        assertThat(program.inProgress()).isEqualTo(1);
        assertThat(program.done()).isEqualTo(1);
        assertThat(program.percentComplete()).contains(33.3);
    }

    @Test
    void jiraStatusCategoryKeysMapToTheThreeCategories() {
        assertThat(StatusCategory.fromJiraKey("new")).isEqualTo(StatusCategory.TODO);
        assertThat(StatusCategory.fromJiraKey("indeterminate")).isEqualTo(StatusCategory.IN_PROGRESS);
        assertThat(StatusCategory.fromJiraKey("done")).isEqualTo(StatusCategory.DONE);
    }

    @Test
    void epicsWithChildrenAreContainersNotItems() {
        ProgramResult result = rollUp(epic("A-1").done().points(40), story("A-2").parent("A-1").done().points(3),
                story("A-3").parent("A-1").points(5));

        assertThat(result.program().items()).isEqualTo(2);
        assertThat(result.program().pointsTotal()).isEqualByComparingTo("8");
        assertThat(result.epic("A-1").items()).isEqualTo(2);
        assertThat(result.epic("A-1").done()).isEqualTo(1);
    }

    @Test
    void anEpicWithoutChildrenCountsAsOneItem() {
        ProgramResult result = rollUp(epic("A-1").points(13).versions("1.0"), story("A-2"));

        assertThat(result.program().items()).isEqualTo(2);
        assertThat(result.program().pointsTotal()).isEqualByComparingTo("13");
        assertThat(result.epic("A-1").items()).isEqualTo(1);
        assertThat(result.project("A").items()).isEqualTo(2);
        assertThat(result.fixVersion("1.0").items()).isEqualTo(1);
    }

    @Test
    void subtasksAreIgnoredUnlessIncluded() {
        TestIssue[] issues = { story("A-1").points(8).subtasks(2), subtask("A-2", "A-1").points(3).done(),
                subtask("A-3", "A-1").points(2) };

        GroupSummary excluded = rollUp(issues).program();
        GroupSummary included = rollUp(settings().withIncludeSubtasks(true), issues).program();

        assertThat(excluded.items()).isEqualTo(1);
        assertThat(excluded.pointsTotal()).isEqualByComparingTo("8");
        assertThat(included.items()).isEqualTo(2);
        assertThat(included.done()).isEqualTo(1);
    }

    @Test
    void includedSubtasksReplaceTheirParentsOwnEstimate() {
        GroupSummary program = rollUp(settings().withIncludeSubtasks(true),
                story("A-1").points(8).estimateHours(10).subtasks(2),
                subtask("A-2", "A-1").points(3).estimateHours(4).done(),
                subtask("A-3", "A-1").points(2).estimateHours(2))
            .program();

        assertThat(program.pointsTotal()).isEqualByComparingTo("5");
        assertThat(program.pointsDone()).isEqualByComparingTo("3");
        assertThat(program.estimateTotalSeconds()).isEqualTo(6 * 3600);
    }

    @Test
    void aParentWhoseSubtasksWereNotSeenCountsAsOneItem() {
        GroupSummary program = rollUp(settings().withIncludeSubtasks(true), story("A-1").points(8).subtasks(1))
            .program();

        assertThat(program.items()).isEqualTo(1);
        assertThat(program.pointsTotal()).isEqualByComparingTo("8");
    }

    @Test
    void subtasksOfAStoryCountUnderTheStorysEpicAndThemes() {
        ProgramResult result = rollUp(settings().withIncludeSubtasks(true), epic("A-1").themes("T"),
                story("A-2").parent("A-1").subtasks(1).themes("U"), subtask("A-3", "A-2"));

        assertThat(result.epic("A-1").items()).isEqualTo(1);
        assertThat(result.theme("T").items()).isEqualTo(1);
        assertThat(result.theme("U").items()).isEqualTo(1);
    }

    @Test
    void unestimatedItemsAddNothingToEitherSideAndAreCounted() {
        TestIssue[] issues = { story("A-1").points(5).done(), story("A-2").points(3), story("A-3").done() };

        GroupSummary byPoints = rollUp(settings().withProgressBasis(ProgressBasis.STORY_POINTS), issues).program();
        GroupSummary byCount = rollUp(issues).program();

        assertThat(byPoints.percentComplete()).contains(62.5);
        assertThat(byPoints.unestimated()).isEqualTo(1);
        assertThat(byCount.percentComplete()).contains(66.7);
        assertThat(byCount.unestimated()).isZero();
        assertThat(byCount.withoutPoints()).isEqualTo(1);
    }

    @Test
    void originalEstimateBasisUsesEstimatedSecondsOnly() {
        GroupSummary program = rollUp(settings().withProgressBasis(ProgressBasis.ORIGINAL_ESTIMATE),
                story("A-1").estimateHours(1).done(), story("A-2").estimateHours(3), story("A-3"))
            .program();

        assertThat(program.percentComplete()).contains(25.0);
        assertThat(program.estimateDoneSeconds()).isEqualTo(3600);
        assertThat(program.unestimated()).isEqualTo(1);
    }

    @Test
    void percentCompleteIsEmptyWhenNothingIsEstimated() {
        GroupSummary program = rollUp(settings().withProgressBasis(ProgressBasis.STORY_POINTS), story("A-1").done(),
                story("A-2"))
            .program();

        assertThat(program.percentComplete()).isEmpty();
        assertThat(program.unestimated()).isEqualTo(2);
    }

    @Test
    void valueDeliveredNeverAddsScoresOfDifferentModels() {
        // RICE: 500 of 1000 done (50 %, 2 items); WSJF: 3 of 12 done (25 %, 2 items). A
        // plain sum would say 503 of 1012 = 49.7 %; each model's share weighted by its
        // scored items says (2 × 50 + 2 × 25) ÷ 4 = 37.5 %
        GroupSummary program = rollUp(story("A-1").value("500", "RICE").done(), story("A-2").value("500", "RICE"),
                story("A-3").value("3", "WSJF").done(), story("A-4").value("9", "WSJF"))
            .program();

        assertThat(program.valueDelivered()).contains(37.5);
        assertThat(program.valueByModel())
            .extracting(s -> s.model().orElseThrow(), GroupSummary.ModelShare::items, s -> s.delivered().orElseThrow())
            .containsExactly(tuple("RICE", 2L, 50.0), tuple("WSJF", 2L, 25.0));
        // one model: done value over all value, as ever
        assertThat(rollUp(story("A-1").value("30", "RICE").done(), story("A-2").value("10", "RICE")).program()
            .valueDelivered()).contains(75.0);
    }

    @Test
    void valueDeliveredIsDoneValueOverAllScoredValue() {
        GroupSummary program = rollUp(story("A-1").value("30").done(), story("A-2").value("10"), story("A-3").done())
            .program();

        assertThat(program.valueDone()).isEqualByComparingTo("30");
        assertThat(program.valueTotal()).isEqualByComparingTo("40");
        assertThat(program.valueDelivered()).contains(75.0);
        assertThat(program.unscored()).isEqualTo(1);
        assertThat(rollUp(story("A-1").done()).program().valueDelivered()).isEmpty();
    }

    @Test
    void overdueMeansDueBeforeTodayAndNotDone() {
        GroupSummary program = rollUp(story("A-1").due(TODAY.minusDays(1)), story("A-2").due(TODAY),
                story("A-3").due(TODAY.minusDays(1)).done(), story("A-4"),
                story("A-5").inProgress().due(TODAY.minusDays(30)))
            .program();

        assertThat(program.overdue()).isEqualTo(2);
    }

    @Test
    void aDoneEpicWithOpenChildrenIsAnAnomalyInItsGroups() {
        ProgramResult result = rollUp(epic("A-1").done().themes("T"), story("B-1").parent("A-1"), epic("A-2").done(),
                story("A-3").parent("A-2").done(), epic("A-4"), story("A-5").parent("A-4"));

        assertThat(result.program().anomalies()).containsExactly("A-1");
        assertThat(result.epic("A-1").anomalies()).containsExactly("A-1");
        assertThat(result.project("A").anomalies()).containsExactly("A-1");
        assertThat(result.project("B").anomalies()).isEmpty();
        assertThat(result.theme("T").anomalies()).containsExactly("A-1");
        assertThat(result.epic("A-2").anomalies()).isEmpty();
        assertThat(result.epic("A-4").anomalies()).isEmpty();
    }

    @Test
    void aDoneParentWithOpenSubtasksIsAnAnomalyOnlyWhenSubtasksAreIncluded() {
        TestIssue[] issues = { story("A-1").subtasks(1).done(), subtask("A-2", "A-1") };

        assertThat(rollUp(settings().withIncludeSubtasks(true), issues).program().anomalies()).containsExactly("A-1");
        assertThat(rollUp(issues).program().anomalies()).isEmpty();
    }

    @Test
    void anEpicsThemeFlowsToChildrenWhicheverArrivesFirst() {
        ProgramResult epicFirst = rollUp(epic("A-1").themes("T"), story("A-2").parent("A-1").points(2));
        ProgramResult childFirst = rollUp(story("A-2").parent("A-1").points(2), epic("A-1").themes("T"));

        assertThat(epicFirst.theme("T").items()).isEqualTo(1);
        assertThat(epicFirst.theme("T").pointsTotal()).isEqualByComparingTo("2");
        assertThat(childFirst).isEqualTo(epicFirst);
    }

    @Test
    void aChildInTheSameThemeAsItsEpicCountsOnceThere() {
        ProgramResult result = rollUp(epic("A-1").themes("T"), story("A-2").parent("A-1").themes("T", "U"),
                story("A-3").themes("U"));

        assertThat(result.theme("T").items()).isEqualTo(1);
        assertThat(result.theme("U").items()).isEqualTo(2);
    }

    @Test
    void childrenOfAnUnseenEpicCountEverywhereButInAnEpicGroup() {
        ProgramResult result = rollUp(story("A-2").parent("X-1").versions("1.0"));

        assertThat(result.epics()).isEmpty();
        assertThat(result.program().items()).isEqualTo(1);
        assertThat(result.fixVersion("1.0").items()).isEqualTo(1);
    }

    @Test
    void anItemInSeveralFixVersionsCountsInEachOnce() {
        ProgramResult result = rollUp(story("A-1").versions("1.0", "2.0", "1.0"), story("A-2").versions("2.0"));

        assertThat(result.fixVersion("1.0").items()).isEqualTo(1);
        assertThat(result.fixVersion("2.0").items()).isEqualTo(2);
        assertThat(result.program().items()).isEqualTo(2);
    }

    @Test
    void groupsAreListedInKeyOrder() {
        ProgramResult result = rollUp(story("B-1"), story("A-1"), story("C-1"));

        assertThat(result.projects()).extracting(GroupSummary::id).containsExactly("A", "B", "C");
    }

    @Test
    void pointsAddUpExactlyWithoutFloatingPointDrift() {
        GroupSummary program = rollUp(story("A-1").points(0.1), story("A-2").points(0.2)).program();

        assertThat(program.pointsTotal()).isEqualTo(new BigDecimal("0.3"));
    }

}
