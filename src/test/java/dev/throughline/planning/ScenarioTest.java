package dev.throughline.planning;

import dev.throughline.planning.PlanComparison.Direction;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

/** Scenarios against the baseline, and "why is X not planned?" in words. */
class ScenarioTest {

    private final PlanSolver solver = new PlanSolver(Duration.ofSeconds(5), 2, 0);

    private final OddsSimulator simulator = new OddsSimulator(1000, 3, 2);

    private final PlanProblem baseline = new PlanProblem(List.of("2027-Q1", "2027-Q2"),
            List.of(new PlanTeam("A", "Alpha", List.of(10.0, 10.0)), new PlanTeam("B", "Bravo", List.of(10.0, 10.0))),
            List.of(Candidate.of("Y", "B", 90, 10), Candidate.of("Z", "B", 80, 10), Candidate.of("X", "B", 50, 5),
                    Candidate.of("V", "A", 40, 10), Candidate.of("U", "A", 10, 5).withBlockers(List.of("X"))),
            0.1);

    private final Map<String, TeamThroughput> throughput = Map.of("A", new TeamThroughput("A", new double[] { 5 }), "B",
            new TeamThroughput("B", new double[] { 5 }));

    @Test
    void whyNotPlannedNamesTheWorkUsingTheCapacityAndWhatComesFirst() {
        PlanSolution plan = solver.solve(baseline);
        assertThat(plan.periodOf()).containsOnlyKeys("Y", "Z", "V");
        assertThat(WhyNotPlanned.explain(baseline, plan, "X")).isEqualTo("X is not planned: the capacity of team Bravo"
                + " through 2027-Q2 (20) is used by higher-value work Y and Z; 0 is left and X needs 5.");
        assertThat(WhyNotPlanned.explain(baseline, plan, "U"))
            .isEqualTo("U is not planned: it needs X first, which is not planned in this horizon either.");
        assertThat(WhyNotPlanned.explain(baseline, plan, "Y")).isEqualTo("Y is planned to finish in 2027-Q1.");
    }

    @Test
    void moreCapacityPullsWorkInAndTheComparisonSaysWhatMovedAndWhy() {
        PlanSolution base = solver.solve(baseline);
        PlanProblem more = new ScenarioChange.Capacity("B", 1, 15.0).apply(baseline);
        PlanSolution scenario = solver.solve(more);
        PlanComparison comparison = PlanComparison.of(baseline, base, simulator.odds(baseline, base, throughput, 0.7),
                more, scenario, simulator.odds(more, scenario, throughput, 0.7));
        assertThat(comparison.moves()).extracting(PlanComparison.Move::key, PlanComparison.Move::direction)
            .contains(tuple("X", Direction.IN));
        assertThat(comparison.scenarioValue().get(1)).isGreaterThan(comparison.baselineValue().get(1));
        assertThat(comparison.baselineValue().get(0) + comparison.baselineValue().get(1)).isCloseTo(base.value(),
                offset(1e-9));
    }

    @Test
    void dropAddCommitAndDiscountChangeOnlyTheScenario() {
        PlanProblem dropped = new ScenarioChange.Drop("Y").apply(baseline);
        assertThat(dropped.byKey().get("Y").excluded()).isTrue();
        assertThat(baseline.byKey().get("Y").excluded()).isFalse();
        PlanProblem added = new ScenarioChange.Add(Candidate.of("NEW", "A", 500, 5)).apply(baseline);
        assertThat(solver.solve(added).periodOf()).containsEntry("NEW", 0);
        PlanProblem committed = new ScenarioChange.Commit("X", OptionalInt.of(0)).apply(baseline);
        PlanSolution withCommitment = solver.solve(committed);
        assertThat(withCommitment.periodOf()).containsEntry("X", 0);
        assertThat(new ScenarioChange.Discount(0.3).apply(baseline).discount()).isEqualTo(0.3);
    }

}
