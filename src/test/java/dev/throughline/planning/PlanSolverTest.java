package dev.throughline.planning;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The solver against brute force: on instances of up to 12 candidates every assignment is
 * enumerated, and CP-SAT's plan must reach the best value any assignment reaches, with
 * status OPTIMAL (proven).
 */
class PlanSolverTest {

    private final PlanSolver solver = new PlanSolver(Duration.ofSeconds(10), 2, 0);

    @Test
    void matchesBruteForceOnSmallInstances() {
        for (long seed = 1; seed <= 30; seed++) {
            PlanProblem problem = RandomPlans.small(new SplittableRandom(seed), 8 + (int) (seed % 5));
            PlanSolution solution = solver.solve(problem);
            long best = BruteForce.best(problem);
            assertThat(solution.status()).as("seed %d", seed).isEqualTo(PlanSolution.Status.OPTIMAL);
            assertThat(PlanSolver.scaledObjective(problem, solution)).as("seed %d", seed).isEqualTo(best);
            assertThat(BruteForce.allowed(problem, solution)).as("seed %d", seed).isTrue();
        }
    }

    @Test
    void valueEarlierIsWorthMoreByTheDiscount() {
        PlanProblem problem = new PlanProblem(List.of("2027-Q1", "2027-Q2"),
                List.of(new PlanTeam("A", "Team A", List.of(10.0, 10.0))),
                List.of(Candidate.of("BIG", "A", 100, 10), Candidate.of("SMALL", "A", 50, 10)), 0.25);
        PlanSolution solution = solver.solve(problem);
        // BIG first: 100 + 50 / 1.25 = 140 beats 50 + 100 / 1.25 = 130
        assertThat(solution.periodOf()).containsEntry("BIG", 0).containsEntry("SMALL", 1);
        assertThat(solution.value()).isCloseTo(140, offset(1e-9));
        assertThat(solution.gap()).isZero();
    }

    @Test
    void cumulativeCapacityLetsAnItemSpanPeriods() {
        // 15 points: more than one quarter's 10, within two quarters' 20
        PlanProblem problem = new PlanProblem(List.of("Q1", "Q2"),
                List.of(new PlanTeam("A", "Team A", List.of(10.0, 10.0))), List.of(Candidate.of("E", "A", 10, 15)),
                0.1);
        assertThat(solver.solve(problem).periodOf()).containsEntry("E", 1);
    }

    @Test
    void blockersFinishNoLaterThanWhatTheyBlock() {
        PlanProblem problem = new PlanProblem(List.of("Q1", "Q2"),
                List.of(new PlanTeam("A", "Team A", List.of(5.0, 5.0)), new PlanTeam("B", "Team B", List.of(5.0, 5.0))),
                List.of(Candidate.of("HIGH", "A", 100, 5).withBlockers(List.of("LOW")), Candidate.of("LOW", "B", 1, 5),
                        Candidate.of("OTHER", "B", 50, 5)),
                0.1);
        PlanSolution solution = solver.solve(problem);
        assertThat(solution.periodOf()).containsEntry("LOW", 0).containsEntry("HIGH", 0).containsEntry("OTHER", 1);
    }

    @Test
    void infeasibleCommitmentsAreExplainedWithTeamPeriodAndShortfall() {
        PlanProblem problem = new PlanProblem(List.of("2027-Q1", "2027-Q2"),
                List.of(new PlanTeam("B", "Team B", List.of(10.0, 10.0))),
                List.of(Candidate.of("X", "B", 10, 8).withCommitBy(OptionalInt.of(0)),
                        Candidate.of("Y", "B", 10, 6).withCommitBy(OptionalInt.of(0)), Candidate.of("Z", "B", 1, 2)),
                0.1);
        PlanSolution solution = solver.solve(problem);
        assertThat(solution.commitmentProblems()).singleElement().satisfies(problem1 -> {
            assertThat(problem1.teamId()).isEqualTo("B");
            assertThat(problem1.period()).isEqualTo("2027-Q1");
            assertThat(problem1.needed()).isEqualTo(14.0);
            assertThat(problem1.capacity()).isEqualTo(10.0);
            assertThat(problem1.shortfall()).isEqualTo(4.0);
            assertThat(problem1.commitments()).containsExactly("X", "Y");
            assertThat(problem1.message()).isEqualTo("Team B cannot finish its commitments by the end of 2027-Q1:"
                    + " they need 14, its capacity through 2027-Q1 is 10 (short by 4). Commitments not held: X, Y.");
        });
        // the rest still plans: 16 of 20 points used
        assertThat(solution.periodOf()).hasSize(3);
    }

    @Test
    void aCommitmentReachesTheWorkThatBlocksIt() {
        PlanProblem problem = new PlanProblem(List.of("Q1", "Q2"),
                List.of(new PlanTeam("A", "Team A", List.of(5.0, 5.0)), new PlanTeam("B", "Team B", List.of(5.0, 5.0))),
                List.of(Candidate.of("X", "A", 1, 5).withBlockers(List.of("W")).withCommitBy(OptionalInt.of(0)),
                        Candidate.of("W", "B", 0, 5), Candidate.of("V", "B", 100, 5)),
                0.1);
        PlanSolution solution = solver.solve(problem);
        assertThat(solution.commitmentProblems()).isEmpty();
        assertThat(solution.periodOf()).containsEntry("X", 0).containsEntry("W", 0).containsEntry("V", 1);
    }

    @Test
    void excludedAndOutsideBlockedWorkIsNotPlannedAndSaysWhy() {
        PlanProblem problem = new PlanProblem(List.of("Q1"), List.of(new PlanTeam("A", "Team A", List.of(50.0))),
                List.of(Candidate.of("OUT", "A", 10, 1).withExcluded(true),
                        new Candidate("WAIT", "", "A", 10, 1, List.of(), List.of("MOB-9"), OptionalInt.empty(), false),
                        Candidate.of("AFTER", "A", 10, 1).withBlockers(List.of("WAIT")),
                        Candidate.of("HUGE", "A", 10, 60)),
                0.1);
        PlanSolution solution = solver.solve(problem);
        assertThat(solution.periodOf()).isEmpty();
        assertThat(solution.unplannable()).containsEntry("OUT", "it is excluded from this plan")
            .containsEntry("WAIT", "it needs MOB-9 first, which is not in this plan")
            .containsEntry("AFTER",
                    "it needs WAIT first, which cannot be planned (it needs MOB-9 first, which is not in this plan)")
            .containsEntry("HUGE", "its remaining effort (60) is more than team A can do in the whole horizon (50)");
    }

    /** Exhaustive search over every assignment that keeps the rules (with pruning). */
    static final class BruteForce {

        static long best(PlanProblem problem) {
            ScaledPlan plan = new ScaledPlan(problem);
            PlanRules rules = new PlanRules(plan);
            long[] best = { Long.MIN_VALUE };
            int[] period = new int[plan.size];
            search(plan, rules, period, 0, best);
            return best[0];
        }

        static boolean allowed(PlanProblem problem, PlanSolution solution) {
            ScaledPlan plan = new ScaledPlan(problem);
            PlanRules rules = new PlanRules(plan);
            int[] period = new int[plan.size];
            for (int i = 0; i < plan.size; i++) {
                period[i] = solution.periodOf().getOrDefault(plan.candidate(i).key(), -1);
            }
            return plan.allows(period, rules.deadline, rules.plannable);
        }

        private static void search(ScaledPlan plan, PlanRules rules, int[] period, int i, long[] best) {
            if (i == plan.size) {
                if (plan.allows(period, rules.deadline, rules.plannable)) {
                    best[0] = Math.max(best[0], plan.objective(period));
                }
                return;
            }
            for (int p = -1; p < plan.periods; p++) {
                period[i] = p;
                if (p >= 0 && !rules.plannable[i]) {
                    continue;
                }
                if (withinCapacity(plan, period, i)) {
                    search(plan, rules, period, i + 1, best);
                }
            }
            period[i] = -1;
        }

        private static boolean withinCapacity(ScaledPlan plan, int[] period, int upTo) {
            int t = plan.team[upTo];
            for (int p = 0; p < plan.periods; p++) {
                long load = 0;
                for (int j = 0; j <= upTo; j++) {
                    if (plan.team[j] == t && period[j] >= 0 && period[j] <= p) {
                        load += plan.effort[j];
                    }
                }
                if (load > plan.cumulativeCapacity[t][p]) {
                    return false;
                }
            }
            return true;
        }

    }

    /**
     * Seeded random instances: teams, capacities, efforts, values, blockers, commitments.
     */
    static final class RandomPlans {

        static PlanProblem small(SplittableRandom random, int candidates) {
            List<String> periods = List.of("Q1", "Q2", "Q3");
            List<PlanTeam> teams = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                List<Double> capacity = new ArrayList<>();
                for (int p = 0; p < periods.size(); p++) {
                    capacity.add((double) (4 + random.nextInt(8)));
                }
                teams.add(new PlanTeam("T" + t, "Team " + t, capacity));
            }
            List<Candidate> list = new ArrayList<>();
            for (int i = 0; i < candidates; i++) {
                Candidate candidate = Candidate.of("C" + i, "T" + random.nextInt(2), random.nextInt(100),
                        1 + random.nextInt(8) + random.nextInt(4) / 4.0);
                if (i > 0 && random.nextInt(4) == 0) {
                    candidate = candidate.withBlockers(List.of("C" + random.nextInt(i)));
                }
                if (random.nextInt(6) == 0) {
                    candidate = candidate.withCommitBy(OptionalInt.of(random.nextInt(periods.size())));
                }
                list.add(candidate);
            }
            return new PlanProblem(periods, teams, list, 0.05 + random.nextInt(20) / 100.0);
        }

    }

}
