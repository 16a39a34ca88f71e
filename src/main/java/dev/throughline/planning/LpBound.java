package dev.throughline.planning;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * The linear relaxation of the plan (each x[i][p] anywhere in [0, 1] instead of 0 or 1),
 * solved with OR-Tools' GLOP: no plan can be worth more than its optimum, so it is a
 * proven upper bound as well. CP-SAT's own bound, on a loaded machine, can be looser than
 * this one; the solver reports the smaller of the two.
 */
final class LpBound {

    private LpBound() {
    }

    /** The bound in the solver's scaled value, or +∞ when GLOP did not finish. */
    static double of(ScaledPlan plan, PlanRules rules, Object[][] exists) {
        MPSolver lp = MPSolver.createSolver("GLOP");
        if (lp == null) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            MPVariable[][] x = new MPVariable[plan.size][plan.periods];
            for (int i = 0; i < plan.size; i++) {
                MPConstraint one = lp.makeConstraint(rules.deadline[i] >= 0 ? 1 : 0, 1);
                for (int p = 0; p < plan.periods; p++) {
                    if (exists[i][p] != null) {
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
            for (int i = 0; i < plan.size; i++) {
                for (int b : plan.blockers[i]) {
                    for (int p = 0; p < plan.periods; p++) {
                        if (x[i][p] == null) {
                            continue;
                        }
                        MPConstraint first = lp.makeConstraint(0, Double.POSITIVE_INFINITY);
                        for (int q = 0; q <= p; q++) {
                            if (x[b][q] != null) {
                                first.setCoefficient(x[b][q], 1);
                            }
                        }
                        first.setCoefficient(x[i][p], -1);
                    }
                }
            }
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
            return status == MPSolver.ResultStatus.OPTIMAL ? objective.value() : Double.POSITIVE_INFINITY;
        }
        finally {
            lp.delete();
        }
    }

}
