package dev.throughline.planning;

import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A proven upper bound much stronger than the linear relaxation, and a good start for the
 * full solve, from solving each team on its own. Only the blockers across teams tie the
 * teams together (capacity is per team, commitments bind single items once
 * {@link PlanRules} has pushed them down to what blocks them), so without those blockers
 * each team is a small problem (about 25 candidates, 8 periods) that CP-SAT solves
 * exactly in milliseconds. Each blocker across teams is not dropped but priced
 * ({@link LpBound}): the item it blocks pays the price for being finished by p, the
 * blocker earns it. For any prices ≥ 0 every plan of the whole is worth at most the sum
 * of the teams' priced best values (a Lagrangian relaxation: a plan that keeps the
 * blocker rule earns at least what it pays), so that sum is an upper bound on the best
 * plan, and the prices make it count what the blockers between teams cost. A blocked item
 * still finishes no earlier than its blocker's earliest possible period (which holds in
 * every plan).
 *
 * <p>
 * The teams' plans together, with each item moved to its blockers' period (later never
 * breaks a cumulative capacity) or left out when a blocker is, are a plan of the whole:
 * the local search's start.
 */
final class TeamDecomposition {

    /** A team's solve gets at least this long, however late it starts. */
    private static final double MIN_SECONDS = 0.05;

    /** A team's second try when its first found no plan at all. */
    private static final double RETRY_SECONDS = 0.3;

    /** The bound in the solver's scaled value; +∞ when a team's solve proved nothing. */
    final double bound;

    /** period[i] of the repaired plan, -1 for not planned. */
    final int[] hint;

    private TeamDecomposition(double bound, int[] hint) {
        this.bound = bound;
        this.hint = hint;
    }

    /**
     * The bound, unless a plan worth {@code found} proves it wrong (a solver answer taken
     * for a bound that is none): then +∞, so the other bounds decide.
     */
    double boundAbove(double found) {
        return bound >= found ? bound : Double.POSITIVE_INFINITY;
    }

    /**
     * Solves each team, {@code workers} teams at a time, all by {@code endNanos} (a
     * {@link System#nanoTime()}). {@code finishable[i][p]}: candidate i may finish in
     * period p.
     */
    static TeamDecomposition of(ScaledPlan plan, PlanRules rules, boolean[][] finishable, long[][] price, int[] start,
            long endNanos, int workers) {
        int teams = plan.cumulativeCapacity.length;
        int[] period = start.clone();
        double[] bounds = new double[teams];
        AtomicInteger waiting = new AtomicInteger(teams);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers));
        try {
            List<Future<Double>> results = new ArrayList<>();
            for (int t = 0; t < teams; t++) {
                int team = t;
                results.add(pool.submit(() -> {
                    // each team gets its share of the time left, so the time the quick
                    // teams leave goes to the slower ones (a fixed share per team left a
                    // team without any plan, and so the whole without this bound, on a
                    // loaded machine)
                    double seconds = Math.max(MIN_SECONDS,
                            (endNanos - System.nanoTime()) / 1e9 * workers / Math.max(1, waiting.getAndDecrement()));
                    return solveTeam(plan, rules, finishable, price, team, seconds, period, endNanos);
                }));
            }
            for (int t = 0; t < teams; t++) {
                bounds[t] = results.get(t).get();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TeamDecomposition(Double.POSITIVE_INFINITY, period);
        }
        catch (ExecutionException e) {
            return new TeamDecomposition(Double.POSITIVE_INFINITY, period);
        }
        finally {
            pool.shutdownNow();
        }
        return new TeamDecomposition(Arrays.stream(bounds).sum(), repaired(plan, finishable, period));
    }

    /**
     * The team's best value without cross-team blockers (its proven bound when out of
     * time), writing its plan into {@code period} (each team its own entries).
     */
    private static double solveTeam(ScaledPlan plan, PlanRules rules, boolean[][] finishable, long[][] price, int team,
            double seconds, int[] period, long endNanos) {
        int[] earliest = new int[plan.size];
        boolean any = false;
        for (int i = 0; i < plan.size; i++) {
            if (plan.team[i] == team && rules.plannable[i]) {
                earliest[i] = earliestAfterOtherTeams(plan, finishable, i);
                any = true;
            }
        }
        if (!any) {
            return 0;
        }
        FinishModel model = new FinishModel(plan, rules, i -> plan.team[i] == team, earliest, price);
        model.addCapacity(team);
        for (int i = 0; i < plan.size; i++) {
            for (int b : plan.blockers[i]) {
                if (plan.team[i] == team && plan.team[b] == team) {
                    model.addBlocker(i, b);
                }
            }
        }
        model.maximize();
        synchronized (period) {
            model.hint(period);
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(seconds).setNumWorkers(1).setRandomSeed(1).setLinearizationLevel(2);
        CpSolverStatus status = solver.solve(model.model);
        // past the teams' end (a starved machine) no retry: each would add 0.3 s to the
        // answer's time, and the team's relaxation below still bounds it
        if (status == CpSolverStatus.UNKNOWN && System.nanoTime() < endNanos) {
            // on a loaded machine a short share may end before CP-SAT has even taken its
            // start plan (its presolve is most of a small model's start-up), and a team
            // without a plan would take the whole bound with it: once more, longer and
            // without presolve
            solver.getParameters().setMaxTimeInSeconds(RETRY_SECONDS).setCpModelPresolve(false);
            status = solver.solve(model.model);
        }
        if (status == CpSolverStatus.INFEASIBLE) {
            // then the whole plan is infeasible too: any bound holds
            return 0;
        }
        if (status == CpSolverStatus.OPTIMAL) {
            synchronized (period) {
                model.readInto(solver, period);
            }
            return solver.bestObjectiveBound();
        }
        // out of time: the team's relaxation bounds it as well, and may be the tighter
        // one (CP-SAT's bound is weak when it stopped early, and none when it found no
        // plan: it answers 0 when its presolve did not finish)
        double relaxed = LpBound.team(plan, rules, finishable, price, team, earliest);
        if (status != CpSolverStatus.FEASIBLE) {
            // the start plan stays
            return relaxed;
        }
        synchronized (period) {
            model.readInto(solver, period);
        }
        return Math.min(solver.bestObjectiveBound(), relaxed);
    }

    /**
     * The first period candidate i may finish in given its other teams' blockers: none of
     * them can finish before its own first possible period.
     */
    private static int earliestAfterOtherTeams(ScaledPlan plan, boolean[][] finishable, int i) {
        int earliest = 0;
        for (int b : plan.blockers[i]) {
            if (plan.team[b] != plan.team[i]) {
                int first = 0;
                while (first < plan.periods && !finishable[b][first]) {
                    first++;
                }
                earliest = Math.max(earliest, first);
            }
        }
        return earliest;
    }

    /**
     * The teams' plans made one: an item finishing before a blocker moves to the
     * blocker's period (or out, when it has no variable there or the blocker is out),
     * until nothing moves.
     */
    static int[] repaired(ScaledPlan plan, boolean[][] finishable, int[] teamPlans) {
        int[] period = teamPlans.clone();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < plan.size; i++) {
                for (int b : plan.blockers[i]) {
                    if (period[i] >= 0 && period[b] > period[i]) {
                        period[i] = finishable[i][period[b]] ? period[b] : -1;
                        changed = true;
                    }
                    else if (period[i] >= 0 && period[b] < 0) {
                        period[i] = -1;
                        changed = true;
                    }
                }
            }
        }
        return period;
    }

}
