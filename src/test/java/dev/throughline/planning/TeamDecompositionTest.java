package dev.throughline.planning;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bound from solving each team on its own is a proven upper bound (never below the
 * best plan, found by brute force), and the teams' plans repaired for blockers across
 * teams keep every rule that holds for them.
 */
class TeamDecompositionTest {

    @Test
    void theTeamsBoundIsAtLeastTheBestPlanAndTheirJoinedPlanIsAPlan() {
        new PlanSolver(Duration.ofSeconds(1), 1, 0); // loads the native library
        for (long seed = 1; seed <= 30; seed++) {
            PlanProblem problem = PlanSolverTest.RandomPlans.small(new SplittableRandom(seed), 8 + (int) (seed % 5));
            ScaledPlan plan = new ScaledPlan(problem);
            PlanRules rules = new PlanRules(plan);
            boolean[][] finishable = PlanSolver.finishable(plan, rules);
            int[] greedy = GreedyPlan.of(plan, rules);
            long[][] price = LpBound.of(plan, rules, finishable).price;
            TeamDecomposition teams = TeamDecomposition.of(plan, rules, finishable, price, greedy,
                    System.nanoTime() + 10_000_000_000L, 2);
            long best = PlanSolverTest.BruteForce.best(problem);
            assertThat(teams.bound).as("seed %d", seed).isGreaterThanOrEqualTo(best);
            // what a team out of time counts instead of its own solve's bound: each
            // team's priced relaxation
            double relaxed = 0;
            for (int t = 0; t < plan.cumulativeCapacity.length; t++) {
                relaxed += LpBound.team(plan, rules, finishable, price, t, new int[plan.size]);
            }
            assertThat(relaxed).as("seed %d", seed).isGreaterThanOrEqualTo(best);
            boolean committed = problem.candidates().stream().anyMatch(c -> c.commitBy().isPresent());
            if (!committed) {
                // without commitments, dropping or delaying an item never breaks a rule
                assertThat(plan.allows(teams.hint, rules.deadline, rules.plannable)).as("seed %d", seed).isTrue();
                assertThat(plan.objective(teams.hint)).as("seed %d", seed).isLessThanOrEqualTo(best);
            }
        }
    }

}
