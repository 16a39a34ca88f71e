package dev.throughline.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Improves a plan that keeps every rule by simulated annealing: move one item to another
 * period (or out), or swap two items of a team, each move carrying along what the rules
 * tie to it (a blocker pulled as early as what it blocks, what it blocks pushed as late
 * as it, or left out with it). A move that breaks a capacity or a commitment is undone,
 * so the plan keeps every rule at every step. Plain Java: on a busy machine it does in a
 * second what CP-SAT's own neighbourhood search does not in five, because each move costs
 * a few array updates instead of a model. It runs a fixed number of moves from a fixed
 * seed, so the same problem always gets the same plan (a deadline stops it early on a
 * very slow machine).
 */
final class LocalSearchPlan {

    private final ScaledPlan plan;

    private final PlanRules rules;

    private final int[][] dependents;

    /** load[t][p]: effort of team t's items planned to finish in periods 0..p. */
    private final long[][] load;

    private final int[] period;

    private final int[][] members;

    private final List<int[]> changes = new ArrayList<>();

    private final boolean[] touchedTeam;

    private LocalSearchPlan(ScaledPlan plan, PlanRules rules, int[] start) {
        this.plan = plan;
        this.rules = rules;
        this.period = start.clone();
        int teams = plan.cumulativeCapacity.length;
        this.load = new long[teams][plan.periods];
        this.touchedTeam = new boolean[teams];
        List<List<Integer>> byBlocker = new ArrayList<>();
        List<List<Integer>> byTeam = new ArrayList<>();
        for (int i = 0; i < plan.size; i++) {
            byBlocker.add(new ArrayList<>());
        }
        for (int t = 0; t < teams; t++) {
            byTeam.add(new ArrayList<>());
        }
        for (int i = 0; i < plan.size; i++) {
            for (int b : plan.blockers[i]) {
                byBlocker.get(b).add(i);
            }
            if (rules.plannable[i]) {
                byTeam.get(plan.team[i]).add(i);
            }
            if (period[i] >= 0) {
                shiftLoad(i, plan.periods, period[i]);
            }
        }
        this.dependents = byBlocker.stream()
            .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
            .toArray(int[][]::new);
        this.members = byTeam.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    /**
     * The best plan found from {@code start} in {@code moves} moves (or by
     * {@code deadlineNanos}, a {@link System#nanoTime()}). A start that breaks a rule is
     * replaced by the committed work alone, each item in its latest allowed period: that
     * plan holds whenever {@link PlanRules} kept the commitments (it checked exactly that
     * load against each team's capacity through each period).
     */
    static int[] improve(ScaledPlan plan, PlanRules rules, int[] start, long moves, long deadlineNanos) {
        return improve(plan, rules, start, moves, 0, deadlineNanos);
    }

    /**
     * The same, with at least {@code minMoves} moves whatever the clock says. When the
     * deadline has passed before the search starts (the steps before it overran on a
     * starved machine), those moves are a whole anneal of their own, hot to cold, so the
     * answer is still better than its start.
     */
    static int[] improve(ScaledPlan plan, PlanRules rules, int[] start, long moves, long minMoves, long deadlineNanos) {
        int[] from = start;
        if (!plan.allows(from, rules.deadline, rules.plannable)) {
            from = rules.deadline.clone();
            if (!plan.allows(from, rules.deadline, rules.plannable)) {
                return start;
            }
        }
        LocalSearchPlan search = new LocalSearchPlan(plan, rules, from);
        if (minMoves > 0 && System.nanoTime() >= deadlineNanos) {
            return search.anneal(Math.min(moves, minMoves), Long.MAX_VALUE, 0);
        }
        return search.anneal(moves, deadlineNanos, minMoves);
    }

    private int[] anneal(long moves, long deadlineNanos, long minMoves) {
        int[] plannable = plannableIndexes(rules.plannable);
        if (plannable.length == 0) {
            return period.clone();
        }
        SplittableRandom random = new SplittableRandom(1);
        long current = plan.objective(period);
        long best = current;
        int[] bestPeriod = period.clone();
        // from about a tenth of an average item's worth down to almost nothing
        double hot = 0.1 * current / Math.max(1, plannable.length) + 1;
        double cold = hot / 1000;
        long begin = System.nanoTime();
        double timeShare = 0;
        for (long move = 0; move < moves; move++) {
            if ((move & 1023) == 0) {
                long now = System.nanoTime();
                if (now > deadlineNanos && move >= minMoves) {
                    break;
                }
                // cools by the time used as well when that runs ahead of the moves: on
                // a starved machine the search still ends cold (improving) at its
                // deadline instead of being cut off while hot
                timeShare = (now - begin) / Math.max(1.0, (double) deadlineNanos - begin);
            }
            double temperature = hot * Math.pow(cold / hot, Math.max(move / (double) moves, timeShare));
            int i = plannable[random.nextInt(plannable.length)];
            long delta;
            if (random.nextInt(2) == 0) {
                int to = random.nextInt(plan.periods + 1) - 1;
                if (to == period[i]) {
                    continue;
                }
                delta = set(i, to);
            }
            else {
                int[] team = members[plan.team[i]];
                int j = team[random.nextInt(team.length)];
                if (period[i] == period[j]) {
                    continue;
                }
                int was = period[i];
                delta = set(i, period[j]);
                if (delta != Long.MIN_VALUE) {
                    long second = set(j, was);
                    delta = second == Long.MIN_VALUE ? Long.MIN_VALUE : delta + second;
                }
            }
            if (delta != Long.MIN_VALUE && withinCapacity()
                    && (delta >= 0 || random.nextDouble() < Math.exp(delta / temperature))) {
                current += delta;
                if (current > best) {
                    best = current;
                    bestPeriod = period.clone();
                }
                commit();
            }
            else {
                undo();
            }
        }
        return bestPeriod;
    }

    /**
     * Moves item i to period {@code to} (-1: out) and what the rules tie to it; answers
     * the change of value, or {@link Long#MIN_VALUE} when a commitment or a rule cannot
     * hold.
     */
    private long set(int i, int to) {
        if (period[i] == to) {
            return 0;
        }
        if (to >= 0 ? !rules.plannable[i] : rules.deadline[i] >= 0) {
            return Long.MIN_VALUE;
        }
        if (rules.deadline[i] >= 0 && to > rules.deadline[i]) {
            return Long.MIN_VALUE;
        }
        int from = period[i];
        changes.add(new int[] { i, from });
        touchedTeam[plan.team[i]] = true;
        shiftLoad(i, from < 0 ? plan.periods : from, to < 0 ? plan.periods : to);
        period[i] = to;
        long delta = (to >= 0 ? plan.coefficient[i][to] : 0) - (from >= 0 ? plan.coefficient[i][from] : 0);
        for (int b : plan.blockers[i]) {
            if (to >= 0 && (period[b] < 0 || period[b] > to)) {
                long more = set(b, to);
                if (more == Long.MIN_VALUE) {
                    return more;
                }
                delta += more;
            }
        }
        for (int d : dependents[i]) {
            if (period[d] >= 0 && (to < 0 || period[d] < to)) {
                long more = set(d, to);
                if (more == Long.MIN_VALUE) {
                    return more;
                }
                delta += more;
            }
        }
        return delta;
    }

    /**
     * Moves item i's effort in its team's cumulative load from period {@code from} to
     * {@code to}.
     */
    private void shiftLoad(int i, int from, int to) {
        long[] teamLoad = load[plan.team[i]];
        for (int p = Math.min(from, to); p < Math.max(from, to); p++) {
            teamLoad[p] += to < from ? plan.effort[i] : -plan.effort[i];
        }
    }

    private boolean withinCapacity() {
        for (int[] change : changes) {
            int t = plan.team[change[0]];
            if (touchedTeam[t]) {
                for (int p = 0; p < plan.periods; p++) {
                    if (load[t][p] > plan.cumulativeCapacity[t][p]) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private void commit() {
        for (int[] change : changes) {
            touchedTeam[plan.team[change[0]]] = false;
        }
        changes.clear();
    }

    private void undo() {
        for (int k = changes.size() - 1; k >= 0; k--) {
            int[] change = changes.get(k);
            int i = change[0];
            shiftLoad(i, period[i] < 0 ? plan.periods : period[i], change[1] < 0 ? plan.periods : change[1]);
            period[i] = change[1];
        }
        commit();
    }

    /** The indexes of the plannable candidates. */
    private static int[] plannableIndexes(boolean[] plannable) {
        int[] result = new int[plannable.length];
        int n = 0;
        for (int i = 0; i < plannable.length; i++) {
            if (plannable[i]) {
                result[n++] = i;
            }
        }
        return Arrays.copyOf(result, n);
    }

}
