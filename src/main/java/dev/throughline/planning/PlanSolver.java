package dev.throughline.planning;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses each candidate's finishing period (or none) for the most discounted value with
 * Google OR-Tools CP-SAT, which also proves an upper bound on the best value, so every
 * answer states how far from optimal it can be at most. The model:
 * <ul>
 * <li>x[i][p] = 1 when candidate i finishes in period p; at most one per candidate;</li>
 * <li>capacity, cumulative: for every team and period p, the effort of its items
 * finishing in periods 0..p is at most its capacity of periods 0..p (an item may take
 * several periods; work is never planned above what the team can do by then);</li>
 * <li>blockers first: an item finishing in p needs each blocker finished in 0..p;</li>
 * <li>commitments: the item (and, through the previous rule, its blockers) finishes by
 * its period;</li>
 * <li>maximise Σ value × 1 / (1 + discount)^p.</li>
 * </ul>
 */
public final class PlanSolver {

    static {
        // unpacks OR-Tools' native library for this platform once per JVM
        Loader.loadNativeLibraries();
    }

    private final Duration timeLimit;

    private final int workers;

    private final double gapLimit;

    /**
     * {@code gapLimit}: stop once the plan is proven within this share of the best (0:
     * search until proven optimal or out of time).
     */
    public PlanSolver(Duration timeLimit, int workers, double gapLimit) {
        this.timeLimit = timeLimit;
        this.workers = workers;
        this.gapLimit = gapLimit;
    }

    public PlanSolution solve(PlanProblem problem) {
        long started = System.nanoTime();
        ScaledPlan plan = new ScaledPlan(problem);
        PlanRules rules = new PlanRules(plan);
        Map<String, String> unplannable = new HashMap<>();
        for (int i = 0; i < plan.size; i++) {
            if (!rules.plannable[i]) {
                unplannable.put(plan.candidate(i).key(), rules.unplannableReason[i]);
            }
        }
        CpModel model = new CpModel();
        BoolVar[][] x = variables(model, plan, rules);
        addCapacity(model, plan, x);
        addBlockers(model, plan, x);
        LinearExprBuilder objective = LinearExpr.newBuilder();
        for (int i = 0; i < plan.size; i++) {
            for (int p = 0; p < plan.periods; p++) {
                if (x[i][p] != null) {
                    objective.addTerm(x[i][p], plan.coefficient[i][p]);
                }
            }
        }
        model.maximize(objective);
        // each team solved on its own: a proven bound far below the linear relaxation's,
        // and a plan to start from (TeamDecomposition)
        int[] greedy = GreedyPlan.of(plan, rules);
        TeamDecomposition teams = TeamDecomposition.of(plan, rules, x, greedy, teamSeconds(plan), workers);
        int[] hint = better(plan, rules, greedy, teams.hint);
        for (int i = 0; i < plan.size; i++) {
            for (int p = 0; p < plan.periods; p++) {
                if (x[i][p] != null) {
                    model.addHint(x[i][p], hint[i] == p);
                }
            }
        }
        long left = timeLimit.toNanos() - (System.nanoTime() - started);
        CpSolver solver = new CpSolver();
        solver.getParameters()
            .setMaxTimeInSeconds(Math.max(0.1, left / 1e9))
            .setNumWorkers(workers)
            .setRandomSeed(1)
            .setRelativeGapLimit(gapLimit);
        CpSolverStatus status = solver.solve(model);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return new PlanSolution(PlanSolution.Status.NO_PLAN, Map.of(), 0, 0, 1, millis, unplannable,
                    rules.problems);
        }
        Map<String, Integer> periodOf = new HashMap<>();
        double value = 0;
        for (int i = 0; i < plan.size; i++) {
            for (int p = 0; p < plan.periods; p++) {
                if (x[i][p] != null && solver.booleanValue(x[i][p])) {
                    periodOf.put(plan.candidate(i).key(), p);
                    value += plan.candidate(i).value() * problem.weight(p);
                }
            }
        }
        double objectiveValue = solver.objectiveValue();
        double bound = Math.max(Math.min(Math.min(solver.bestObjectiveBound(), LpBound.of(plan, rules, x)),
                teams.boundAbove(objectiveValue)), objectiveValue);
        double gap = bound == 0 ? 0 : (bound - objectiveValue) / bound;
        // CP-SAT says OPTIMAL also when it stopped within the gap limit; only a closed
        // gap is
        boolean proven = status == CpSolverStatus.OPTIMAL && bound - objectiveValue < 0.5;
        return new PlanSolution(proven ? PlanSolution.Status.OPTIMAL : PlanSolution.Status.FEASIBLE, periodOf, value,
                bound / ScaledPlan.VALUE_SCALE, gap, millis, unplannable, rules.problems);
    }

    /**
     * Each team's share of the time: together at most 40 % of the limit (most teams
     * finish in milliseconds, proven optimal).
     */
    private double teamSeconds(ScaledPlan plan) {
        int rounds = (plan.cumulativeCapacity.length + workers - 1) / Math.max(1, workers);
        return Math.max(0.01, 0.4 * timeLimit.toMillis() / 1000.0 / Math.max(1, rounds));
    }

    private static int[] better(ScaledPlan plan, PlanRules rules, int[] greedy, int[] teams) {
        boolean valid = plan.allows(teams, rules.deadline, rules.plannable);
        return valid && plan.objective(teams) > plan.objective(greedy) ? teams : greedy;
    }

    /** The objective in the solver's whole numbers, for tests that compare it exactly. */
    static long scaledObjective(PlanProblem problem, PlanSolution solution) {
        ScaledPlan plan = new ScaledPlan(problem);
        int[] period = new int[plan.size];
        for (int i = 0; i < plan.size; i++) {
            period[i] = solution.periodOf().getOrDefault(plan.candidate(i).key(), -1);
        }
        return plan.objective(period);
    }

    static BoolVar[][] variables(CpModel model, ScaledPlan plan, PlanRules rules) {
        BoolVar[][] x = new BoolVar[plan.size][plan.periods];
        for (int i = 0; i < plan.size; i++) {
            if (!rules.plannable[i]) {
                continue;
            }
            int last = rules.deadline[i] >= 0 ? rules.deadline[i] : plan.periods - 1;
            List<Literal> choices = new ArrayList<>();
            for (int p = 0; p <= last; p++) {
                if (plan.effort[i] <= plan.cumulativeCapacity[plan.team[i]][p]) {
                    x[i][p] = model.newBoolVar("x" + i + "_" + p);
                    choices.add(x[i][p]);
                }
            }
            if (rules.deadline[i] >= 0) {
                model.addExactlyOne(choices);
            }
            else if (!choices.isEmpty()) {
                model.addAtMostOne(choices);
            }
        }
        return x;
    }

    private static void addCapacity(CpModel model, ScaledPlan plan, BoolVar[][] x) {
        for (int t = 0; t < plan.cumulativeCapacity.length; t++) {
            for (int p = 0; p < plan.periods; p++) {
                LinearExprBuilder load = LinearExpr.newBuilder();
                boolean any = false;
                for (int i = 0; i < plan.size; i++) {
                    if (plan.team[i] != t) {
                        continue;
                    }
                    for (int q = 0; q <= p; q++) {
                        if (x[i][q] != null) {
                            load.addTerm(x[i][q], plan.effort[i]);
                            any = true;
                        }
                    }
                }
                if (any) {
                    model.addLessOrEqual(load, plan.cumulativeCapacity[t][p]);
                }
            }
        }
    }

    private static void addBlockers(CpModel model, ScaledPlan plan, BoolVar[][] x) {
        for (int i = 0; i < plan.size; i++) {
            for (int b : plan.blockers[i]) {
                blockerFirst(model, plan, x, i, b);
            }
        }
    }

    /**
     * Item i finishing in p needs blocker b finished in 0..p: x[i][p] ≤ Σ_{q ≤ p}
     * x[b][q].
     */
    static void blockerFirst(CpModel model, ScaledPlan plan, BoolVar[][] x, int i, int b) {
        for (int p = 0; p < plan.periods; p++) {
            if (x[i][p] == null) {
                continue;
            }
            LinearExprBuilder blockerDone = LinearExpr.newBuilder();
            for (int q = 0; q <= p; q++) {
                if (x[b][q] != null) {
                    blockerDone.addTerm(x[b][q], 1);
                }
            }
            blockerDone.addTerm(x[i][p], -1);
            model.addGreaterOrEqual(blockerDone, 0);
        }
    }

}
