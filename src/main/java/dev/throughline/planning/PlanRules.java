package dev.throughline.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What holds before any search: which candidates can be planned at all (and why not),
 * each candidate's deadline (its own commitment or that of work it blocks), and whether
 * the commitments fit the teams' capacity. Commitments that cannot hold are dropped from
 * the solve with a {@link CommitmentProblem} each, so the rest of the plan still solves.
 */
final class PlanRules {

    final boolean[] plannable;

    /** Why candidate i cannot be planned, or null. */
    final String[] unplannableReason;

    /** The latest period candidate i may finish in because of commitments, or -1. */
    final int[] deadline;

    final List<CommitmentProblem> problems = new ArrayList<>();

    private final ScaledPlan plan;

    PlanRules(ScaledPlan plan) {
        this.plan = plan;
        int n = plan.size;
        plannable = new boolean[n];
        unplannableReason = new String[n];
        Arrays.fill(plannable, true);
        for (int i = 0; i < n; i++) {
            Candidate candidate = plan.candidate(i);
            if (candidate.excluded()) {
                block(i, "it is excluded from this plan");
            }
            else if (!candidate.outsideBlockers().isEmpty()) {
                block(i, "it needs " + String.join(", ", candidate.outsideBlockers())
                        + " first, which is not in this plan");
            }
            else if (plan.effort[i] > plan.cumulativeCapacity[plan.team[i]][plan.periods - 1]) {
                block(i, String.format(Locale.ROOT,
                        "its remaining effort (%s) is more than team %s can do in the" + " whole horizon (%s)",
                        number(plan.effort[i]), candidate.teamId(),
                        number(plan.cumulativeCapacity[plan.team[i]][plan.periods - 1])));
            }
        }
        // a candidate whose blocker cannot be planned cannot be planned either
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < n; i++) {
                for (int b : plan.blockers[i]) {
                    if (plannable[i] && !plannable[b]) {
                        block(i, "it needs " + plan.candidate(b).key() + " first, which cannot be planned ("
                                + unplannableReason[b] + ")");
                        changed = true;
                    }
                }
            }
        }
        Set<Integer> kept = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            if (plan.candidate(i).commitBy().isPresent()) {
                kept.add(i);
            }
        }
        deadline = new int[n];
        while (true) {
            int[] implied = impliedDeadlines(kept);
            List<CommitmentProblem> found = check(kept, implied);
            if (found.isEmpty()) {
                System.arraycopy(implied, 0, deadline, 0, n);
                return;
            }
            problems.addAll(found);
            found.forEach(problem -> problem.commitments().forEach(key -> kept.remove(indexOf(key))));
        }
    }

    private void block(int i, String reason) {
        plannable[i] = false;
        unplannableReason[i] = reason;
    }

    private int indexOf(String key) {
        for (int i = 0; i < plan.size; i++) {
            if (plan.candidate(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException(key);
    }

    /** Each committed item's period, pushed down to everything that blocks it. */
    private int[] impliedDeadlines(Set<Integer> commitments) {
        int[] implied = new int[plan.size];
        Arrays.fill(implied, -1);
        for (int i : commitments) {
            implied[i] = plan.candidate(i).commitBy().getAsInt();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < plan.size; i++) {
                if (implied[i] < 0) {
                    continue;
                }
                for (int b : plan.blockers[i]) {
                    if (implied[b] < 0 || implied[b] > implied[i]) {
                        implied[b] = implied[i];
                        changed = true;
                    }
                }
            }
        }
        return implied;
    }

    /**
     * The commitments each candidate's deadline comes from (itself and what it blocks).
     */
    private List<String> sources(int i, Set<Integer> commitments, int[] implied) {
        List<String> result = new ArrayList<>();
        for (int c : commitments) {
            if (c == i || blocksTransitively(i, c)) {
                result.add(plan.candidate(c).key());
            }
        }
        return result;
    }

    private boolean blocksTransitively(int blocker, int item) {
        boolean[] seen = new boolean[plan.size];
        List<Integer> stack = new ArrayList<>(List.of(item));
        while (!stack.isEmpty()) {
            int current = stack.remove(stack.size() - 1);
            for (int b : plan.blockers[current]) {
                if (b == blocker) {
                    return true;
                }
                if (!seen[b]) {
                    seen[b] = true;
                    stack.add(b);
                }
            }
        }
        return false;
    }

    private List<CommitmentProblem> check(Set<Integer> commitments, int[] implied) {
        List<CommitmentProblem> found = new ArrayList<>();
        for (int i = 0; i < plan.size; i++) {
            if (implied[i] >= 0 && !plannable[i]) {
                List<String> sources = sources(i, commitments, implied);
                String key = plan.candidate(i).key();
                found.add(new CommitmentProblem(key + " must finish by " + plan.problem.periods().get(implied[i]) + " ("
                        + String.join(", ", sources) + " committed) but cannot be planned: " + unplannableReason[i],
                        plan.candidate(i).teamId(), plan.problem.periods().get(implied[i]), 0, 0, 0, List.of(key),
                        sources));
            }
        }
        if (!found.isEmpty()) {
            return found;
        }
        for (int t = 0; t < plan.cumulativeCapacity.length; t++) {
            for (int p = 0; p < plan.periods; p++) {
                long needed = 0;
                Map<String, Integer> items = new TreeMap<>();
                for (int i = 0; i < plan.size; i++) {
                    if (plan.team[i] == t && implied[i] >= 0 && implied[i] <= p) {
                        needed += plan.effort[i];
                        items.put(plan.candidate(i).key(), i);
                    }
                }
                long capacity = plan.cumulativeCapacity[t][p];
                if (needed > capacity) {
                    Set<String> sources = new LinkedHashSet<>();
                    items.values().forEach(i -> sources.addAll(sources(i, commitments, implied)));
                    String teamId = plan.problem.teams().get(t).id();
                    String period = plan.problem.periods().get(p);
                    found.add(new CommitmentProblem(
                            String.format(Locale.ROOT,
                                    "Team %s cannot finish its commitments by the end of %s: they need %s, its capacity"
                                            + " through %s is %s (short by %s). Commitments not held: %s.",
                                    teamId, period, number(needed), period, number(capacity), number(needed - capacity),
                                    String.join(", ", sources)),
                            teamId, period, unscaled(needed), unscaled(capacity), unscaled(needed - capacity),
                            List.copyOf(items.keySet()), List.copyOf(sources)));
                    break;
                }
            }
        }
        return found;
    }

    static double unscaled(long effort) {
        return effort / (double) ScaledPlan.EFFORT_SCALE;
    }

    static String number(long scaledEffort) {
        double value = unscaled(scaledEffort);
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

}
