package dev.throughline.planning;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A quick plan to start the solver from (its hint): committed work first by deadline,
 * then the rest by value per unit of effort, each in the earliest period its team still
 * has room for and its blockers allow. CP-SAT improves on it and proves how far from the
 * best it is; the hint only makes a good plan arrive sooner.
 */
final class GreedyPlan {

    private GreedyPlan() {
    }

    /** period[i], or -1 for not planned. */
    static int[] of(ScaledPlan plan, PlanRules rules) {
        int[] period = new int[plan.size];
        Arrays.fill(period, -1);
        long[][] load = new long[plan.cumulativeCapacity.length][plan.periods];
        Integer[] order = IntStream.range(0, plan.size).boxed().toArray(Integer[]::new);
        Arrays.sort(order,
                Comparator.comparingInt((Integer i) -> rules.deadline[i] < 0 ? Integer.MAX_VALUE : rules.deadline[i])
                    .thenComparingDouble(i -> -density(plan, i)));
        // committed work (and what it needs) is placed before anything else may take its
        // team's capacity: a committed item waiting for a blocker placed in a later pass
        // would otherwise find its capacity gone
        place(plan, rules, order, period, load, true);
        place(plan, rules, order, period, load, false);
        return period;
    }

    private static void place(ScaledPlan plan, PlanRules rules, Integer[] order, int[] period, long[][] load,
            boolean committedOnly) {
        boolean placedAny = true;
        while (placedAny) {
            placedAny = false;
            for (int i : order) {
                if (period[i] >= 0 || !rules.plannable[i] || committedOnly && rules.deadline[i] < 0) {
                    continue;
                }
                int earliest = 0;
                boolean ready = true;
                for (int b : plan.blockers[i]) {
                    ready &= period[b] >= 0;
                    earliest = Math.max(earliest, period[b]);
                }
                int last = rules.deadline[i] >= 0 ? rules.deadline[i] : plan.periods - 1;
                if (!ready) {
                    continue;
                }
                for (int p = earliest; p <= last; p++) {
                    if (fits(plan, load, plan.team[i], p, plan.effort[i])) {
                        period[i] = p;
                        for (int q = p; q < plan.periods; q++) {
                            load[plan.team[i]][q] += plan.effort[i];
                        }
                        placedAny = true;
                        break;
                    }
                }
            }
        }
    }

    private static double density(ScaledPlan plan, int i) {
        return plan.coefficient[i][0] / (double) Math.max(1, plan.effort[i]);
    }

    private static boolean fits(ScaledPlan plan, long[][] load, int team, int from, long effort) {
        for (int q = from; q < plan.periods; q++) {
            if (load[team][q] + effort > plan.cumulativeCapacity[team][q]) {
                return false;
            }
        }
        return true;
    }

}
