package dev.throughline.planning;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A proven upper bound much stronger than the linear relaxation, and a good start for the
 * full solve, from solving each team on its own. Only the blockers across teams tie the
 * teams together (capacity is per team, commitments bind single items once
 * {@link PlanRules} has pushed them down to what blocks them), so dropping those blockers
 * leaves one small problem per team (about 25 candidates, 8 periods) that CP-SAT solves
 * exactly in milliseconds. Every plan of the whole is a plan of each team without those
 * blockers, so the sum of the teams' best values is an upper bound on the best plan; it
 * only loses what a cross-team blocker costs, where the linear relaxation loses a
 * fraction of an epic at every team's every quarter boundary. A blocked item still
 * finishes no earlier than its blocker's earliest possible period (which holds in every
 * plan).
 *
 * <p>
 * The teams' plans together, with each item moved to its blockers' period (later never
 * breaks a cumulative capacity) or left out when a blocker is, are a plan of the whole:
 * the full solve's hint.
 */
final class TeamDecomposition {

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
     * Solves each team within {@code secondsPerTeam}, {@code workers} teams at a time.
     * {@code exists[i][p]} is non-null where the full model has a variable.
     */
    static TeamDecomposition of(ScaledPlan plan, PlanRules rules, Object[][] exists, int[] start, double secondsPerTeam,
            int workers) {
        int teams = plan.cumulativeCapacity.length;
        int[] period = start.clone();
        double[] bounds = new double[teams];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers));
        try {
            List<Future<Double>> results = new ArrayList<>();
            for (int t = 0; t < teams; t++) {
                int team = t;
                results.add(pool.submit(() -> solveTeam(plan, rules, exists, team, secondsPerTeam, period)));
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
        return new TeamDecomposition(Arrays.stream(bounds).sum(), repaired(plan, exists, period));
    }

    /**
     * The team's best value without cross-team blockers (its proven bound when out of
     * time), writing its plan into {@code period} (each team its own entries).
     */
    private static double solveTeam(ScaledPlan plan, PlanRules rules, Object[][] exists, int team, double seconds,
            int[] period) {
        CpModel model = new CpModel();
        BoolVar[][] y = new BoolVar[plan.size][plan.periods];
        LinearExprBuilder objective = LinearExpr.newBuilder();
        boolean any = false;
        for (int i = 0; i < plan.size; i++) {
            if (plan.team[i] != team || !rules.plannable[i]) {
                continue;
            }
            int earliest = earliestAfterOtherTeams(plan, exists, i);
            List<Literal> choices = new ArrayList<>();
            for (int p = earliest; p < plan.periods; p++) {
                if (exists[i][p] != null) {
                    y[i][p] = model.newBoolVar("y" + i + "_" + p);
                    choices.add(y[i][p]);
                    objective.addTerm(y[i][p], plan.coefficient[i][p]);
                    any = true;
                }
            }
            if (rules.deadline[i] >= 0) {
                model.addExactlyOne(choices);
            }
            else if (!choices.isEmpty()) {
                model.addAtMostOne(choices);
            }
        }
        if (!any) {
            return 0;
        }
        for (int p = 0; p < plan.periods; p++) {
            LinearExprBuilder load = LinearExpr.newBuilder();
            for (int i = 0; i < plan.size; i++) {
                for (int q = 0; q <= p; q++) {
                    if (y[i][q] != null) {
                        load.addTerm(y[i][q], plan.effort[i]);
                    }
                }
            }
            model.addLessOrEqual(load, plan.cumulativeCapacity[team][p]);
        }
        for (int i = 0; i < plan.size; i++) {
            for (int b : plan.blockers[i]) {
                if (plan.team[i] == team && plan.team[b] == team) {
                    PlanSolver.blockerFirst(model, plan, y, i, b);
                }
            }
        }
        model.maximize(objective);
        for (int i = 0; i < plan.size; i++) {
            for (int p = 0; p < plan.periods; p++) {
                if (y[i][p] != null) {
                    model.addHint(y[i][p], period[i] == p);
                }
            }
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(seconds).setNumWorkers(1).setRandomSeed(1);
        CpSolverStatus status = solver.solve(model);
        if (status == CpSolverStatus.INFEASIBLE) {
            // then the whole plan is infeasible too: any bound holds
            return 0;
        }
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            // no plan found in time: the start plan stays, and CP-SAT's bound is none
            // (it answers 0 when its presolve did not finish)
            return Double.POSITIVE_INFINITY;
        }
        for (int i = 0; i < plan.size; i++) {
            for (int p = 0; p < plan.periods; p++) {
                if (y[i][p] != null) {
                    period[i] = solver.booleanValue(y[i][p]) ? p : period[i] == p ? -1 : period[i];
                }
            }
        }
        return solver.bestObjectiveBound();
    }

    /**
     * The first period candidate i may finish in given its other teams' blockers: none of
     * them can finish before its own first possible period.
     */
    private static int earliestAfterOtherTeams(ScaledPlan plan, Object[][] exists, int i) {
        int earliest = 0;
        for (int b : plan.blockers[i]) {
            if (plan.team[b] != plan.team[i]) {
                int first = 0;
                while (first < plan.periods && exists[b][first] == null) {
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
    static int[] repaired(ScaledPlan plan, Object[][] exists, int[] teamPlans) {
        int[] period = teamPlans.clone();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < plan.size; i++) {
                for (int b : plan.blockers[i]) {
                    if (period[i] >= 0 && period[b] > period[i]) {
                        period[i] = exists[i][period[b]] != null ? period[b] : -1;
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
