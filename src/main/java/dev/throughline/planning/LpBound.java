package dev.throughline.planning;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The linear relaxation of the plan (each x[i][p] anywhere in [0, 1] instead of 0 or 1),
 * solved with OR-Tools' GLOP: no plan can be worth more than its optimum, so it is a
 * proven upper bound as well. CP-SAT's own bound, on a loaded machine, can be looser than
 * this one; the solver reports the smaller of the two.
 *
 * <p>
 * It also prices the blockers across teams: the dual value of "b finished by p if i is"
 * says what that rule costs the plan. {@link TeamDecomposition} charges item i and pays
 * blocker b that price in each team's own solve (a Lagrangian relaxation: for any prices
 * ≥ 0 the teams' best values together still bound the best plan), so the teams' bound
 * counts what the blockers between them cost instead of ignoring them.
 */
final class LpBound {

    /** The bound in the solver's scaled value, or +∞ when GLOP did not finish. */
    final double bound;

    /**
     * price[i][p]: added to the worth of "candidate i finished by period p" in its team's
     * own solve (negative for an item blocked from another team, positive for its
     * blocker).
     */
    final long[][] price;

    private LpBound(double bound, long[][] price) {
        this.bound = bound;
        this.price = price;
    }

    static LpBound of(ScaledPlan plan, PlanRules rules, boolean[][] finishable) {
        long[][] price = new long[plan.size][plan.periods];
        MPSolver lp = MPSolver.createSolver("GLOP");
        if (lp == null) {
            return new LpBound(Double.POSITIVE_INFINITY, price);
        }
        try {
            List<Priced> crossing = new ArrayList<>();
            MPVariable[][] x = rows(lp, plan, rules, finishable, i -> true, new int[plan.size], crossing);
            MPObjective objective = lp.objective();
            for (int i = 0; i < plan.size; i++) {
                for (int p = 0; p < plan.periods; p++) {
                    if (x[i][p] != null) {
                        objective.setCoefficient(x[i][p], plan.coefficient[i][p]);
                    }
                }
            }
            objective.setMaximization();
            MPSolver.ResultStatus status = lp.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                return new LpBound(Double.POSITIVE_INFINITY, price);
            }
            for (Priced each : crossing) {
                // whole numbers for CP-SAT; any price ≥ 0 keeps the teams' bound a bound
                long cost = (long) Math.floor(Math.abs(each.rule().dualValue()));
                price[each.item()][each.period()] -= cost;
                price[each.blocker()][each.period()] += cost;
            }
            return new LpBound(objective.value(), price);
        }
        finally {
            lp.delete();
        }
    }

    /**
     * Team t's priced problem relaxed ({@link TeamDecomposition}): a bound on its best
     * priced value that needs no integer search, for a team whose own solve ran out of
     * time; +∞ when GLOP did not finish.
     */
    static double team(ScaledPlan plan, PlanRules rules, boolean[][] finishable, long[][] price, int t,
            int[] earliest) {
        MPSolver lp = MPSolver.createSolver("GLOP");
        if (lp == null) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            MPVariable[][] x = rows(lp, plan, rules, finishable, i -> plan.team[i] == t, earliest, new ArrayList<>());
            MPObjective objective = lp.objective();
            for (int i = 0; i < plan.size; i++) {
                // finishing in p means finished by p and every later period: each of
                // those prices counts
                long priced = 0;
                for (int p = plan.periods - 1; p >= 0; p--) {
                    priced += price[i][p];
                    if (x[i][p] != null) {
                        objective.setCoefficient(x[i][p], plan.coefficient[i][p] + priced);
                    }
                }
            }
            objective.setMaximization();
            return lp.solve() == MPSolver.ResultStatus.OPTIMAL ? objective.value() : Double.POSITIVE_INFINITY;
        }
        finally {
            lp.delete();
        }
    }

    /**
     * The variables and rules of the candidates {@code included}, none finishing before
     * {@code earliest[i]}; each blocker rule between two candidates of different teams is
     * added to {@code crossing}.
     */
    private static MPVariable[][] rows(MPSolver lp, ScaledPlan plan, PlanRules rules, boolean[][] finishable,
            IntPredicate included, int[] earliest, List<Priced> crossing) {
        MPVariable[][] x = new MPVariable[plan.size][plan.periods];
        for (int i = 0; i < plan.size; i++) {
            if (!included.test(i)) {
                continue;
            }
            MPConstraint one = lp.makeConstraint(rules.deadline[i] >= 0 ? 1 : 0, 1);
            for (int p = earliest[i]; p < plan.periods; p++) {
                if (finishable[i][p]) {
                    x[i][p] = lp.makeNumVar(0, 1, "x" + i + "_" + p);
                    one.setCoefficient(x[i][p], 1);
                }
            }
        }
        for (int t = 0; t < plan.cumulativeCapacity.length; t++) {
            for (int p = 0; p < plan.periods; p++) {
                MPConstraint load = lp.makeConstraint(Double.NEGATIVE_INFINITY, plan.cumulativeCapacity[t][p]);
                for (int i = 0; i < plan.size; i++) {
                    for (int q = 0; q <= p && plan.team[i] == t; q++) {
                        if (x[i][q] != null) {
                            load.setCoefficient(x[i][q], plan.effort[i]);
                        }
                    }
                }
            }
        }
        // cumulative form, as the teams' models state it: i finished by p needs b
        // finished by p (tighter than "i finishing in p" and priced the same way)
        for (int i = 0; i < plan.size; i++) {
            for (int b : plan.blockers[i]) {
                if (!included.test(i) || !included.test(b)) {
                    continue;
                }
                for (int p = 0; p < plan.periods; p++) {
                    if (x[i][p] == null) {
                        continue;
                    }
                    MPConstraint first = lp.makeConstraint(0, Double.POSITIVE_INFINITY);
                    for (int q = 0; q <= p; q++) {
                        if (x[b][q] != null) {
                            first.setCoefficient(x[b][q], 1);
                        }
                        if (x[i][q] != null) {
                            first.setCoefficient(x[i][q], -1);
                        }
                    }
                    if (plan.team[i] != plan.team[b]) {
                        crossing.add(new Priced(i, b, p, first));
                    }
                }
            }
        }
        return x;
    }

    /** The rule "item finished by period needs blocker finished by period". */
    private record Priced(int item, int blocker, int period, MPConstraint rule) {
    }

}
