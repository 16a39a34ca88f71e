package dev.throughline.planning;

import dev.throughline.program.ProgressBasis;
import dev.throughline.readmodel.IssueFacts;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each team's weekly throughput measured from its own issues in the read model (README,
 * Program planning: inputs), with numbers worked out by hand.
 */
class MeasuredThroughputTest {

    /** A Wednesday: the window's four full weeks start Dec 14, 21, 28 and Jan 4. */
    private static final LocalDate TODAY = LocalDate.of(2027, 1, 13);

    private static long ids = 1;

    private static IssueFacts issue(String key, IssueFacts.Level level, String status, String resolved, Double points,
            int subtasks) {
        return new IssueFacts(ids++, key, key.substring(0, key.indexOf('-')), key + " summary", level, status,
                Optional.empty(), Optional.empty(), Optional.ofNullable(resolved).map(LocalDate::parse),
                Optional.empty(), Optional.ofNullable(points), Optional.ofNullable(points).map(p -> (long) (p * 3600)),
                List.of(), Optional.empty(), Optional.empty(), List.of(), subtasks, List.of(), List.of(), true);
    }

    private static final List<IssueFacts> ISSUES = List.of(
            issue("WEB-1", IssueFacts.Level.STANDARD, "done", "2026-12-14", 3.0, 0), // Monday,
                                                                                     // week
                                                                                     // 1
            issue("WEB-2", IssueFacts.Level.STANDARD, "done", "2026-12-20", 5.0, 0), // Sunday,
                                                                                     // week
                                                                                     // 1
            issue("WEB-3", IssueFacts.Level.STANDARD, "done", "2027-01-08", null, 0), // week
                                                                                      // 4,
                                                                                      // unestimated
            issue("WEB-4", IssueFacts.Level.STANDARD, "done", "2027-01-11", 8.0, 0), // this
                                                                                     // week:
                                                                                     // not
                                                                                     // full
            issue("WEB-5", IssueFacts.Level.STANDARD, "done", "2026-12-13", 13.0, 0), // before
                                                                                      // the
                                                                                      // window
            issue("WEB-6", IssueFacts.Level.EPIC, "done", "2026-12-22", 20.0, 0), // a
                                                                                  // container
            issue("WEB-7", IssueFacts.Level.SUBTASK, "done", "2026-12-22", 1.0, 0), // week
                                                                                    // 2,
                                                                                    // with
                                                                                    // sub-tasks
            issue("WEB-8", IssueFacts.Level.STANDARD, "done", null, 2.0, 0), // no
                                                                             // resolution
                                                                             // date
            issue("WEB-9", IssueFacts.Level.STANDARD, "indeterminate", "2026-12-15", 2.0, 0), // not
                                                                                              // done
            issue("MOB-1", IssueFacts.Level.STANDARD, "done", "2026-12-29", 2.0, 1), // week
                                                                                     // 3;
                                                                                     // a
                                                                                     // parent
            issue("OPS-1", IssueFacts.Level.STANDARD, "done", "2026-12-15", 1.0, 0)); // no
                                                                                      // team
                                                                                      // of
                                                                                      // the
                                                                                      // plan

    private static final List<String> TEAMS = List.of("WEB", "MOB", "PLAT");

    @Test
    void itemsDoneInEachFullWeekOfTheWindowPerTeam() {
        Map<String, TeamThroughput> measured = MeasuredThroughput.of(ISSUES, TEAMS, ProgressBasis.ISSUE_COUNT, false, 4,
                TODAY);

        assertThat(measured).containsOnlyKeys("WEB", "MOB", "PLAT");
        assertThat(measured.get("WEB").weeks()).containsExactly(2, 0, 0, 1); // WEB-1,
                                                                             // WEB-2;
                                                                             // WEB-3
        assertThat(measured.get("MOB").weeks()).containsExactly(0, 0, 1, 0); // MOB-1
        assertThat(measured.get("PLAT").weeks()).containsExactly(0, 0, 0, 0);
        assertThat(measured.get("PLAT").measured()).isFalse();
    }

    @Test
    void pointsAndHoursCountTheDoneItemsEstimatesAndUnestimatedOnesNothing() {
        for (ProgressBasis basis : List.of(ProgressBasis.STORY_POINTS, ProgressBasis.ORIGINAL_ESTIMATE)) {
            Map<String, TeamThroughput> measured = MeasuredThroughput.of(ISSUES, TEAMS, basis, false, 4, TODAY);

            assertThat(measured.get("WEB").weeks()).as(basis.name()).containsExactly(8, 0, 0, 0); // 3
                                                                                                  // +
                                                                                                  // 5
            assertThat(measured.get("MOB").weeks()).as(basis.name()).containsExactly(0, 0, 2, 0);
        }
    }

    @Test
    void withSubTasksIncludedSubTasksCountAndTheirParentsAreContainers() {
        Map<String, TeamThroughput> measured = MeasuredThroughput.of(ISSUES, TEAMS, ProgressBasis.ISSUE_COUNT, true, 4,
                TODAY);

        assertThat(measured.get("WEB").weeks()).containsExactly(2, 1, 0, 1); // WEB-7 in
                                                                             // week 2
        assertThat(measured.get("MOB").weeks()).containsExactly(0, 0, 0, 0); // MOB-1 has
                                                                             // a sub-task
    }

    @Test
    void aTeamsCapacityPerQuarterIsThirteenOfItsOwnMeanWeeks() {
        List<String> periods = List.of("2027-Q2", "2027-Q3");
        ProgramInputs shared = new ProgramInputs(
                "items", periods, List.of(new PlanTeam("WEB", "WEB", List.of(1.0, 1.0)),
                        new PlanTeam("MOB", "MOB", List.of(1.0, 1.0)), new PlanTeam("OPS", "OPS", List.of(4.0, 4.0))),
                List.of(),
                Map.of("WEB", new TeamThroughput("WEB", new double[] { 1 }), "MOB",
                        new TeamThroughput("MOB", new double[] { 1 }), "OPS",
                        new TeamThroughput("OPS", new double[] { 0.3 })),
                List.of());

        ProgramInputs measured = shared.withThroughput(
                MeasuredThroughput.of(ISSUES, List.of("WEB", "MOB"), ProgressBasis.ISSUE_COUNT, false, 4, TODAY));

        // WEB: (2 + 0 + 0 + 1) / 4 = 0.75 a week, × 13 = 9.75; MOB: 1 / 4 × 13 = 3.25
        assertThat(measured.teams().get(0).capacity()).containsExactly(9.75, 9.75);
        assertThat(measured.teams().get(1).capacity()).containsExactly(3.25, 3.25);
        assertThat(measured.throughput().get("WEB").weeks()).containsExactly(2, 0, 0, 1);
        // a team not measured keeps what it had
        assertThat(measured.teams().get(2).capacity()).containsExactly(4.0, 4.0);
        assertThat(measured.throughput().get("OPS").weeks()).containsExactly(0.3);
    }

}
