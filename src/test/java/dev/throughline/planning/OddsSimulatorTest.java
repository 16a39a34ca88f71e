package dev.throughline.planning;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** The odds rules of README's How the numbers are computed, Program planning. */
class OddsSimulatorTest {

    private final PlanSolver solver = new PlanSolver(Duration.ofSeconds(5), 2, 0);

    @Test
    void steadyThroughputMakesPlannedWorkCertainAndOverfullWorkImpossible() {
        // capacity 30 a period (3 weeks × 10), the plan fills it exactly
        PlanProblem problem = new PlanProblem(List.of("Q1", "Q2"), List.of(new PlanTeam("A", "A", List.of(30.0, 30.0))),
                List.of(Candidate.of("X", "A", 10, 30), Candidate.of("Y", "A", 5, 30)), 0.1);
        PlanSolution plan = solver.solve(problem);
        PlanOdds odds = new OddsSimulator(1000, 7, 3).odds(problem, plan,
                Map.of("A", new TeamThroughput("A", new double[] { 10, 10, 10 })), PlanOdds.DEFAULT_THRESHOLD);
        assertThat(odds.items()).containsEntry("X", 1.0).containsEntry("Y", 1.0);
        // a slower team than its capacity says: 5 a week finishes 15 by the end of Q1
        PlanOdds slow = new OddsSimulator(1000, 7, 3).odds(problem, plan,
                Map.of("A", new TeamThroughput("A", new double[] { 5 })), PlanOdds.DEFAULT_THRESHOLD);
        assertThat(slow.items()).containsEntry("X", 0.0).containsEntry("Y", 0.0);
        assertThat(slow.flagged("X")).isTrue();
    }

    @Test
    void eachTrialDrawsPastWeeksUniformly() {
        // one week per period; half the past weeks finished 10, half nothing: X (10)
        // makes Q1
        // in about half the trials
        PlanProblem problem = new PlanProblem(List.of("W1"), List.of(new PlanTeam("A", "A", List.of(10.0))),
                List.of(Candidate.of("X", "A", 10, 10).withCommitBy(OptionalInt.of(0))), 0.1);
        PlanOdds odds = new OddsSimulator(10_000, 42, 1).odds(problem, solver.solve(problem),
                Map.of("A", new TeamThroughput("A", new double[] { 0, 10 })), 0.7);
        assertThat(odds.items().get("X")).isCloseTo(0.5, offset(0.02));
        assertThat(odds.commitmentsByPeriod().get("W1")).isEqualTo(odds.items().get("X"));
        assertThat(odds.flagged("X")).isTrue();
        // seeded: the same inputs give the same odds
        PlanOdds again = new OddsSimulator(10_000, 42, 1).odds(problem, solver.solve(problem),
                Map.of("A", new TeamThroughput("A", new double[] { 0, 10 })), 0.7);
        assertThat(again).isEqualTo(odds);
    }

    @Test
    void workFinishesNoEarlierThanItsBlockers() {
        PlanProblem problem = new PlanProblem(List.of("Q1", "Q2"),
                List.of(new PlanTeam("A", "A", List.of(10.0, 10.0)), new PlanTeam("B", "B", List.of(10.0, 10.0))),
                List.of(Candidate.of("X", "A", 100, 1).withBlockers(List.of("W")), Candidate.of("W", "B", 1, 10)), 0.1);
        PlanSolution plan = solver.solve(problem);
        assertThat(plan.periodOf()).containsEntry("X", 0).containsEntry("W", 0);
        // team A is fast, team B finishes W (10) in Q1 only if its one week finishes 10
        PlanOdds odds = new OddsSimulator(10_000, 1, 1).odds(problem, plan,
                Map.of("A", new TeamThroughput("A", new double[] { 10 }), "B",
                        new TeamThroughput("B", new double[] { 0, 0, 0, 10 })),
                0.7);
        assertThat(odds.items().get("W")).isCloseTo(0.25, offset(0.02));
        assertThat(odds.items().get("X")).isEqualTo(odds.items().get("W"));
    }

    @Test
    void noThroughputGivesZeroOddsNotAMadeUpDate() {
        PlanProblem problem = new PlanProblem(List.of("Q1"), List.of(new PlanTeam("A", "A", List.of(10.0))),
                List.of(Candidate.of("X", "A", 1, 5)), 0.1);
        PlanOdds odds = new OddsSimulator(100, 1, 13).odds(problem, solver.solve(problem),
                Map.of("A", new TeamThroughput("A", new double[] { 0, 0 })), 0.7);
        assertThat(odds.items()).containsEntry("X", 0.0);
    }

}
