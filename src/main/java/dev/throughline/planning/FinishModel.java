package dev.throughline.planning;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;

import java.util.function.IntPredicate;

/**
 * The plan as CP-SAT sees it, in time-indexed form: done[i][p] = 1 when candidate i is
 * finished by the end of period p (so done[i][p] implies done[i][p + 1]; i finishes in
 * the first such p). Each team's cumulative capacity is then one knapsack row per period
 * (Σ effort × done[i][p] ≤ capacity through p, a term per item instead of one per item
 * and earlier period), a blocker is one implication per period (done[i][p] implies
 * done[b][p]) and the discount a weight per period: finishing in p is worth value ×
 * weight(p) = Σ over q ≥ p of value × (weight(q) − weight(q + 1)). CP-SAT's cuts and
 * propagation work far better on knapsack rows than on the "finishes in p" form: one team
 * of 25 candidates over 8 quarters is proven optimal in tens of milliseconds instead of
 * not within seconds.
 */
final class FinishModel {

    final CpModel model = new CpModel();

    /** done[i][p], null where i cannot be finished by p (or is not in this model). */
    final BoolVar[][] done;

    private final ScaledPlan plan;

    private final LinearExprBuilder objective = LinearExpr.newBuilder();

    /**
     * The candidates {@code included} that can be planned, none finishing before
     * {@code earliest[i]}; each within its commitment. {@code price[i][p]}, when not
     * null, is added to the worth of i finished by p ({@link LpBound}).
     */
    FinishModel(ScaledPlan plan, PlanRules rules, IntPredicate included, int[] earliest, long[][] price) {
        this.plan = plan;
        this.done = new BoolVar[plan.size][plan.periods];
        for (int i = 0; i < plan.size; i++) {
            if (!rules.plannable[i] || !included.test(i)) {
                continue;
            }
            for (int p = earliest[i]; p < plan.periods; p++) {
                if (plan.effort[i] <= plan.cumulativeCapacity[plan.team[i]][p]) {
                    done[i][p] = model.newBoolVar("done" + i + "_" + p);
                    long worth = plan.coefficient[i][p] - (p + 1 < plan.periods ? plan.coefficient[i][p + 1] : 0);
                    objective.addTerm(done[i][p], price == null ? worth : worth + price[i][p]);
                    if (p > 0 && done[i][p - 1] != null) {
                        model.addImplication(done[i][p - 1], done[i][p]);
                    }
                }
            }
            int deadline = rules.deadline[i];
            if (deadline >= 0) {
                if (done[i][deadline] == null) {
                    // cannot hold in this model: an empty clause makes it infeasible
                    model.addBoolOr(new Literal[0]);
                }
                else {
                    model.addEquality(done[i][deadline], 1);
                }
            }
        }
    }

    /** Team t's effort finished through each period within its capacity through it. */
    void addCapacity(int t) {
        for (int p = 0; p < plan.periods; p++) {
            LinearExprBuilder load = LinearExpr.newBuilder();
            boolean any = false;
            for (int i = 0; i < plan.size; i++) {
                if (plan.team[i] == t && done[i][p] != null) {
                    load.addTerm(done[i][p], plan.effort[i]);
                    any = true;
                }
            }
            if (any) {
                model.addLessOrEqual(load, plan.cumulativeCapacity[t][p]);
            }
        }
    }

    /** Item i finished by p needs blocker b finished by p. */
    void addBlocker(int i, int b) {
        for (int p = 0; p < plan.periods; p++) {
            if (done[i][p] == null) {
                continue;
            }
            if (done[b][p] == null) {
                model.addEquality(done[i][p], 0);
            }
            else {
                model.addImplication(done[i][p], done[b][p]);
            }
        }
    }

    void maximize() {
        model.maximize(objective);
    }

    /** Starts the search from {@code period} (period[i], -1 for not planned). */
    void hint(int[] period) {
        for (int i = 0; i < plan.size; i++) {
            for (int p = 0; p < plan.periods; p++) {
                if (done[i][p] != null) {
                    model.addHint(done[i][p], period[i] >= 0 && period[i] <= p);
                }
            }
        }
    }

    /**
     * The period each candidate of the model finishes in, written into {@code period}
     * (the entries of candidates outside the model are left alone).
     */
    void readInto(CpSolver solver, int[] period) {
        for (int i = 0; i < plan.size; i++) {
            boolean inModel = false;
            int first = -1;
            for (int p = 0; p < plan.periods && first < 0; p++) {
                if (done[i][p] != null) {
                    inModel = true;
                    if (solver.booleanValue(done[i][p])) {
                        first = p;
                    }
                }
            }
            if (inModel) {
                period[i] = first;
            }
        }
    }

    /** Whether candidate i can be finished by period p in this model. */
    boolean possible(int i, int p) {
        return done[i][p] != null;
    }

}
