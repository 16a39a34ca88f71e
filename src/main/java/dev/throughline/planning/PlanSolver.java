package dev.throughline.planning;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Chooses each candidate's finishing period (or none) for the most discounted value with
 * Google OR-Tools CP-SAT, which also proves an upper bound on the best value, so every
 * answer states how far from optimal it can be at most. The rules: capacity, cumulative
 * (for every team and period p, the effort of its items finishing in periods 0..p is at
 * most its capacity of periods 0..p: an item may take several periods, work is never
 * planned above what the team can do by then); blockers first (an item finishing in p
 * needs each blocker finished in 0..p); commitments (the item, and through the previous
 * rule its blockers, finishes by its period); maximise Σ value × 1 / (1 + discount)^p.
 *
 * <p>
 * The steps, each feeding the next: a greedy plan; the linear relaxation
 * ({@link LpBound}, a bound and a price for each blocker across teams); each team solved
 * on its own with those prices ({@link TeamDecomposition}, a bound and a joined plan); a
 * local search across teams ({@link LocalSearchPlan}); then CP-SAT on the whole
 * ({@link FinishModel}) from that plan for the time left.
 */
public final class PlanSolver {

    static {
        // unpacks OR-Tools' native library for this platform once per JVM
        Loader.loadNativeLibraries();
    }

    /**
     * Moves of the local search per candidate: 2 million for 500 candidates, about a
     * second of one core.
     */
    static final long LOCAL_SEARCH_MOVES_PER_CANDIDATE = 4000;

    /**
     * Moves of the local search per candidate made whatever the clock says: on a starved
     * machine the teams' solves can overrun their share, and the answer was then the
     * greedy plan (4.5-5.5 % from the bound); a tenth of the moves, about 0.1 s of one
     * idle core for 500 candidates, brings it within about 1 %.
     */
    static final long LOCAL_SEARCH_MIN_MOVES_PER_CANDIDATE = 400;

    /**
     * The teams' solves end by this share of the time limit (most teams are proven
     * optimal in a fraction of it).
     */
    static final double TEAMS_SHARE = 0.4;

    /** The local search stops at this share of the time limit at the latest. */
    static final double LOCAL_SEARCH_SHARE = 0.7;

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
        boolean[][] finishable = finishable(plan, rules);
        // each team solved on its own: a proven bound far below the linear relaxation's,
        // and a plan to start from (TeamDecomposition)
        int[] greedy = GreedyPlan.of(plan, rules);
        LpBound relaxation = LpBound.of(plan, rules, finishable);
        TeamDecomposition teams = TeamDecomposition.of(plan, rules, finishable, relaxation.price, greedy,
                started + (long) (TEAMS_SHARE * timeLimit.toNanos()), workers);
        int[] start = better(plan, rules, greedy, teams.hint);
        // then a plan across the teams, blockers between them included (LocalSearchPlan)
        int[] hint = LocalSearchPlan.improve(plan, rules, start, LOCAL_SEARCH_MOVES_PER_CANDIDATE * plan.size,
                LOCAL_SEARCH_MIN_MOVES_PER_CANDIDATE * plan.size,
                started + (long) (LOCAL_SEARCH_SHARE * timeLimit.toNanos()));
        FinishModel full = new FinishModel(plan, rules, i -> true, new int[plan.size], null);
        for (int t = 0; t < plan.cumulativeCapacity.length; t++) {
            full.addCapacity(t);
        }
        for (int i = 0; i < plan.size; i++) {
            for (int b : plan.blockers[i]) {
                full.addBlocker(i, b);
            }
        }
        full.maximize();
        full.hint(hint);
        long left = timeLimit.toNanos() - (System.nanoTime() - started);
        CpSolver solver = new CpSolver();
        solver.getParameters()
            .setMaxTimeInSeconds(Math.max(0.1, left / 1e9))
            .setNumWorkers(workers)
            .setRandomSeed(1)
            .setRelativeGapLimit(gapLimit);
        CpSolverStatus status = solver.solve(full.model);
        long millis = (System.nanoTime() - started) / 1_000_000;
        boolean solved = status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE;
        // on a slow machine CP-SAT may not get past its presolve in the time left: the
        // local search's plan keeps every rule, so it is the answer then
        boolean hintHolds = plan.allows(hint, rules.deadline, rules.plannable);
        if (!solved && !hintHolds) {
            return new PlanSolution(PlanSolution.Status.NO_PLAN, Map.of(), 0, 0, 1, millis, unplannable,
                    rules.problems);
        }
        int[] period = hint.clone();
        if (solved) {
            full.readInto(solver, period);
        }
        Map<String, Integer> periodOf = new HashMap<>();
        double value = 0;
        for (int i = 0; i < plan.size; i++) {
            if (period[i] >= 0) {
                periodOf.put(plan.candidate(i).key(), period[i]);
                value += plan.candidate(i).value() * problem.weight(period[i]);
            }
        }
        double objectiveValue = plan.objective(period);
        double solverBound = solved ? solver.bestObjectiveBound() : Double.POSITIVE_INFINITY;
        double bound = Math.max(Math.min(Math.min(solverBound, relaxation.bound), teams.boundAbove(objectiveValue)),
                objectiveValue);
        double gap = bound == 0 ? 0 : (bound - objectiveValue) / bound;
        // CP-SAT says OPTIMAL also when it stopped within the gap limit; only a closed
        // gap is
        boolean proven = status == CpSolverStatus.OPTIMAL && bound - objectiveValue < 0.5;
        return new PlanSolution(proven ? PlanSolution.Status.OPTIMAL : PlanSolution.Status.FEASIBLE, periodOf, value,
                bound / ScaledPlan.VALUE_SCALE, gap, millis, unplannable, rules.problems);
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

    /**
     * finishable[i][p]: candidate i may finish in period p (it can be planned, p is
     * within its commitment and its effort within its team's capacity through p).
     */
    static boolean[][] finishable(ScaledPlan plan, PlanRules rules) {
        boolean[][] finishable = new boolean[plan.size][plan.periods];
        for (int i = 0; i < plan.size; i++) {
            int last = rules.deadline[i] >= 0 ? rules.deadline[i] : plan.periods - 1;
            for (int p = 0; p <= last && rules.plannable[i]; p++) {
                finishable[i][p] = plan.effort[i] <= plan.cumulativeCapacity[plan.team[i]][p];
            }
        }
        return finishable;
    }

}
