package dev.throughline.planning;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local search keeps every rule at every step: on the 30 seeded small instances its
 * plan is a plan (capacity, blockers, commitments), worth at least its start and at most
 * the brute-force best; the same problem gets the same plan.
 */
class LocalSearchPlanTest {

    @Test
    void improvesWithinTheRulesAndNeverBeyondTheBest() {
        for (long seed = 1; seed <= 30; seed++) {
            PlanProblem problem = PlanSolverTest.RandomPlans.small(new SplittableRandom(seed), 8 + (int) (seed % 5));
            ScaledPlan plan = new ScaledPlan(problem);
            PlanRules rules = new PlanRules(plan);
            int[] start = GreedyPlan.of(plan, rules);
            int[] improved = LocalSearchPlan.improve(plan, rules, start, 20_000, Long.MAX_VALUE);
            assertThat(plan.allows(improved, rules.deadline, rules.plannable)).as("seed %d", seed).isTrue();
            assertThat(plan.objective(improved)).as("seed %d", seed)
                .isLessThanOrEqualTo(PlanSolverTest.BruteForce.best(problem));
            if (plan.allows(start, rules.deadline, rules.plannable)) {
                assertThat(plan.objective(improved)).as("seed %d", seed).isGreaterThanOrEqualTo(plan.objective(start));
            }
            assertThat(LocalSearchPlan.improve(plan, rules, start, 20_000, Long.MAX_VALUE)).as("seed %d", seed)
                .containsExactly(improved);
        }
    }

    @Test
    void aStartThatBreaksACommitmentIsReplacedByTheCommittedWork() {
        PlanProblem problem = PlanBenchmarkRunner.instance(new SplittableRandom(7));
        ScaledPlan plan = new ScaledPlan(problem);
        PlanRules rules = new PlanRules(plan);
        int[] nothing = new int[plan.size];
        Arrays.fill(nothing, -1);
        int[] improved = LocalSearchPlan.improve(plan, rules, nothing, 200_000, Long.MAX_VALUE);
        assertThat(plan.allows(improved, rules.deadline, rules.plannable)).isTrue();
        assertThat(plan.objective(improved)).isGreaterThan(plan.objective(rules.deadline));
    }

    /**
     * Starved (its deadline passed before it starts, as when the teams' solves overran):
     * it still makes its minimum moves, a whole anneal of their own, so it answers the
     * plan an untimed search of that many moves finds, better than its start.
     */
    @Test
    void aSearchStartedPastItsDeadlineStillMakesItsMinimumMoves() {
        PlanProblem problem = PlanBenchmarkRunner.instance(new SplittableRandom(1));
        ScaledPlan plan = new ScaledPlan(problem);
        PlanRules rules = new PlanRules(plan);
        int[] start = GreedyPlan.of(plan, rules);
        long passed = System.nanoTime() - 1_000_000_000L;
        int[] starved = LocalSearchPlan.improve(plan, rules, start, 2_000_000, 200_000, passed);
        assertThat(starved).containsExactly(LocalSearchPlan.improve(plan, rules, start, 200_000, Long.MAX_VALUE));
        assertThat(plan.allows(starved, rules.deadline, rules.plannable)).isTrue();
        assertThat(plan.objective(starved)).isGreaterThan(plan.objective(start));
        // without a minimum it stops at once: the start
        assertThat(LocalSearchPlan.improve(plan, rules, start, 2_000_000, passed)).containsExactly(start);
    }

}
