package dev.throughline.planning;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A sprint horizon's rules (README How the numbers are computed, Program planning), with
 * hand-computed numbers: calendar weeks from today, capacity = weekly mean × weeks, odds
 * over each sprint's own weeks, overrides naming a sprint by name.
 */
class SprintHorizonTest {

    /** A Wednesday: the active sprint started on Monday. */
    private static final LocalDate TODAY = LocalDate.parse("2026-11-25");

    private static SprintPeriods.OpenSprint sprint(long id, String name, String start, String end) {
        return new SprintPeriods.OpenSprint(id, name, Optional.ofNullable(start).map(LocalDate::parse),
                Optional.ofNullable(end).map(LocalDate::parse));
    }

    private static final List<SprintPeriods.OpenSprint> OPEN = List.of(sprint(102, "S2", "2026-11-23", "2026-12-07"),
            sprint(103, "S3", "2026-12-07", "2026-12-21"), sprint(104, "S4", "2026-12-21", "2027-01-11"),
            sprint(105, "S5", null, null));

    @Test
    void sprintsAreThePeriodsInOrderTheirWeeksCalendarDaysFromTodayOverSeven() {
        SprintPeriods periods = SprintPeriods.of(12, OPEN, 3, TODAY);
        assertThat(periods.labels()).containsExactly("S2", "S3", "S4");
        assertThat(periods.sprints()).extracting(SprintPeriods.Period::id).containsExactly(102L, 103L, 104L);
        // the active sprint counts from today: 25 Nov → 7 Dec = 12 days = 1.71 weeks;
        // 14 days = 2; 21 days (three weeks over the holidays) = 3
        assertThat(periods.sprints()).extracting(SprintPeriods.Period::weeks).containsExactly(1.71, 2.0, 3.0);
        // the odds' weeks: 12, 26 and 47 days from today ÷ 7 = 1.71, 3.71, 6.71 → 2, 4, 7
        assertThat(periods.endWeeks()).containsExactly(2, 4, 7);
        assertThat(periods.ends()).containsExactly(LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-21"),
                LocalDate.parse("2027-01-11"));
        // weekly throughput 1, 3, 2, 2: mean 2 → 2 × 1.71 = 3.42, 2 × 2 = 4, 2 × 3 = 6
        assertThat(periods.capacity(new TeamThroughput("WEB", new double[] { 1, 3, 2, 2 }))).containsExactly(3.42, 4.0,
                6.0);
        // fewer open sprints than asked: the horizon is those there are (all dated here)
        assertThat(SprintPeriods.of(12, OPEN.subList(0, 2), 6, TODAY).labels()).containsExactly("S2", "S3");
    }

    @Test
    void inputsOverSprintsTakeTheSprintNamesAndEachTeamsCapacityPerSprint() {
        ProgramInputs quarters = new ProgramInputs("points", List.of("2027-Q1"),
                List.of(new PlanTeam("WEB", "WEB", List.of(26.0))), List.of(Candidate.of("WEB-1", "WEB", 10, 3)),
                Map.of("WEB", new TeamThroughput("WEB", new double[] { 1, 3, 2, 2 })), List.of());
        ProgramInputs sprints = SprintPeriods.of(12, OPEN, 3, TODAY).applyTo(quarters);
        assertThat(sprints.periods()).containsExactly("S2", "S3", "S4");
        assertThat(sprints.teams().get(0).capacity()).containsExactly(3.42, 4.0, 6.0);
        assertThat(sprints.candidates()).isEqualTo(quarters.candidates());
        assertThat(sprints.sprints()).isPresent();
        assertThat(quarters.sprints()).isEmpty();
    }

    @Test
    void aSprintWithoutDatesTwoOfOneNameOrNoneAtAllAreRefusedNamingThem() {
        assertThatThrownBy(() -> SprintPeriods.of(12, OPEN, 4, TODAY)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("sprint \"S5\" (id 105) of board 12 has no start and end dates: every sprint of the horizon "
                    + "needs both (give it dates in Jira, or plan fewer sprints)");
        assertThatThrownBy(() -> SprintPeriods.of(12,
                List.of(OPEN.get(0), sprint(106, "S2", "2026-12-07", "2026-12-21")), 2, TODAY))
            .hasMessageContaining("sprint \"S2\" (id 106) of board 12: two sprints of the horizon have this name");
        assertThatThrownBy(() -> SprintPeriods.of(12, List.of(), 2, TODAY))
            .hasMessage("board 12 has no active or future sprint to plan");
        assertThatThrownBy(() -> new SprintHorizon(12, 27)).hasMessage("sprints.count must be 1 to 26 sprints");
        assertThatThrownBy(() -> new SprintHorizon(12, 0)).hasMessage("sprints.count must be 1 to 26 sprints");
        assertThatThrownBy(() -> new SprintHorizon(0, 3))
            .hasMessage("sprints.board must be a board id (a positive number)");
    }

    @Test
    void oddsCountEachSprintsOwnWeeks() {
        // one sprint of 2 simulated weeks then one of 1: 5 a week finishes X (10) by the
        // end of the first, Y (5 more) by week 3, the end of the second
        PlanProblem problem = new PlanProblem(List.of("S2", "S3"), List.of(new PlanTeam("A", "A", List.of(10.0, 5.0))),
                List.of(Candidate.of("X", "A", 10, 10), Candidate.of("Y", "A", 5, 5)), 0.1);
        PlanSolution plan = new PlanSolver(Duration.ofSeconds(5), 2, 0).solve(problem);
        assertThat(plan.periodOf()).containsEntry("X", 0).containsEntry("Y", 1);
        Map<String, TeamThroughput> five = Map.of("A", new TeamThroughput("A", new double[] { 5 }));
        assertThat(new OddsSimulator(100, 1, new int[] { 2, 3 }).odds(problem, plan, five, 0.7).items())
            .containsEntry("X", 1.0)
            .containsEntry("Y", 1.0);
        // the same plan as if every period were one week: X misses its first
        assertThat(new OddsSimulator(100, 1, new int[] { 1, 2 }).odds(problem, plan, five, 0.7).items())
            .containsEntry("X", 0.0)
            .containsEntry("Y", 0.0);
    }

    @Test
    void anOverrideNamingASprintClosedOrGoneIsOutsideTheHorizonNeverANonQuarter() {
        StoredPlan plan = new StoredPlan("p", "g", "Sprints", 4, 0.1, 0.7, Map.of("WEB", Map.of("S1", 3.0, "S3", 5.0)),
                Map.of("WEB-1", "S1", "WEB-2", "S3"), List.of(), List.of(), 1, null, List.of(), List.of(),
                new SprintHorizon(12, 3));
        List<PlanNotice> atWrite = StoredPlanChecks.atWrite(null, plan, List.of("S2", "S3", "S4"));
        assertThat(atWrite).extracting(PlanNotice::path, PlanNotice::rule)
            .containsExactlyInAnyOrder(tuple("commitments.WEB-1", "OUTSIDE_HORIZON"),
                    tuple("capacity.WEB.S1", "OUTSIDE_HORIZON"));
        assertThat(atWrite.get(0).message()).contains("is not among the next 3 active and future sprints of board 12 "
                + "(S2, S3, S4); closed, deleted or further out.");
        ProgramInputs inputs = SprintPeriods.of(12, OPEN, 3, TODAY)
            .applyTo(new ProgramInputs("points", List.of("2027-Q1"), List.of(new PlanTeam("WEB", "WEB", List.of(1.0))),
                    List.of(Candidate.of("WEB-1", "WEB", 10, 3), Candidate.of("WEB-2", "WEB", 10, 3)),
                    Map.of("WEB", new TeamThroughput("WEB", new double[] { 2 })), List.of()));
        assertThat(StoredPlanChecks.unused(plan, inputs)).extracting(PlanNotice::path)
            .containsExactly("capacity.WEB.S1", "commitments.WEB-1");
        PlanInputs applied = plan.apply(inputs);
        // the commitment to S3 holds, the one to the closed S1 is not used
        assertThat(applied.problem().byKey().get("WEB-2").commitBy()).hasValue(1);
        assertThat(applied.problem().byKey().get("WEB-1").commitBy()).isEmpty();
        assertThat(applied.problem().teams().get(0).capacity()).containsExactly(3.42, 5.0, 6.0);
    }

    @Test
    void aStoredPlanKeepsItsSprintHorizon() {
        StoredPlan plan = new StoredPlan("p", "g", "Sprints", 4, 0.1, 0.7, Map.of(), Map.of("WEB-2", "S3"), List.of(),
                List.of(), 1, null, List.of(), List.of(), new SprintHorizon(12, 6));
        assertThat(StoredPlanCodec.fromMap(StoredPlanCodec.toMap(plan))).isEqualTo(plan);
        StoredPlan quarters = new StoredPlan("p", "g", "Quarters", 4, 0.1, 0.7, Map.of(), Map.of(), List.of(),
                List.of(), 1);
        assertThat(StoredPlanCodec.toMap(quarters)).doesNotContainKey("sprints");
        assertThat(plan.savedAs(quarters).sprints()).isNull();
    }

}
