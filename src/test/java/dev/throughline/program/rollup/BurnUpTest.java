package dev.throughline.program.rollup;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static dev.throughline.program.rollup.TestIssue.rollUp;
import static dev.throughline.program.rollup.TestIssue.story;
import static org.assertj.core.api.Assertions.assertThat;

class BurnUpTest {

    private static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(2026, month, dayOfMonth);
    }

    @Test
    void weeklyBucketsRunFromTheFirstCreatedWeekToTodaysWeek() {
        // today is Wednesday 4 March 2026; weeks start on Mondays 9 Feb, 16 Feb, 23 Feb,
        // 2 Mar
        ProgramResult result = rollUp(story("A-1").created(day(2, 10)).themes("T"),
                story("A-2").created(day(2, 16)).doneOn(day(2, 22)),
                story("A-3").created(day(2, 25)).doneOn(day(3, 3)).themes("T"));

        assertThat(result.programBurnUp().points()).containsExactly(new BurnUpPoint(day(2, 9), 1, 0),
                new BurnUpPoint(day(2, 16), 2, 1), new BurnUpPoint(day(2, 23), 3, 1), new BurnUpPoint(day(3, 2), 3, 2));
        assertThat(result.themeBurnUps().get("T").points()).containsExactly(new BurnUpPoint(day(2, 9), 1, 0),
                new BurnUpPoint(day(2, 16), 1, 0), new BurnUpPoint(day(2, 23), 2, 0), new BurnUpPoint(day(3, 2), 2, 1));
    }

    @Test
    void aDoneItemWithoutResolutionDateCountsAsDoneThisWeek() {
        ProgramIssue unresolvedDone = new ProgramIssue("A-1", "", "A", IssueKind.STANDARD, StatusCategory.DONE,
                Optional.empty(), day(2, 25), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), List.of(), 0, List.of(), List.of());

        ProgramResult result = RollupEngine.rollUpIssues(TestIssue.settings(), List.of(unresolvedDone));

        assertThat(result.programBurnUp().points()).containsExactly(new BurnUpPoint(day(2, 23), 1, 0),
                new BurnUpPoint(day(3, 2), 1, 1));
    }

    @Test
    void anEmptyProgramHasAnEmptyBurnUp() {
        assertThat(RollupEngine.rollUpIssues(TestIssue.settings(), List.of()).programBurnUp().points()).isEmpty();
    }

}
