package dev.throughline.grooming;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rank calls that turn the current order into a target order while moving the fewest
 * issues.
 * <p>
 * The issues on a longest increasing subsequence of the target order (positions measured
 * in the current order) already stand in the right relative order, so they stay; every
 * other issue moves. Moved issues form maximal runs of consecutive issues in the target
 * order; each run is cut into calls of at most 50 and each call is anchored to a
 * neighbour already in its final place: after the kept issue just above the run (then
 * after the previous call's last issue), or - for a run at the very top, which has no
 * kept issue above - before the kept issue just below it (then before the next call's
 * first issue, working upwards).
 * <p>
 * Why it is exactly {@link #minimumCalls}: every call carries issues of one run only, and
 * each run of length L takes ⌈L / 50⌉ calls, all full but one. Fewer calls for that run
 * would need a call of more than 50 issues, and issues of two different runs cannot share
 * a call because a kept issue stands between them in the target order while one call
 * places its issues contiguously. That minimum is for the kept set this plan picks (the
 * subsequence patience sorting yields): another longest subsequence can group the moved
 * issues into fewer runs. E.g. A B C D E -> B A D C E keeps A C E and makes 2 calls,
 * while keeping B C E moves A and D as one run (1 call).
 * <p>
 * Resuming: after a partial apply the issues already placed plus the kept ones form an
 * increasing subsequence of the re-read order, so re-planning from it never moves more
 * issues than the original plan still had to move.
 */
public final class RankPlan {

    private final List<RankStep> steps;

    private final List<String> moved;

    private final List<String> kept;

    private RankPlan(List<RankStep> steps, List<String> moved, List<String> kept) {
        this.steps = List.copyOf(steps);
        this.moved = List.copyOf(moved);
        this.kept = List.copyOf(kept);
    }

    public static RankPlan between(List<String> current, List<String> target) {
        Layout layout = Layout.of(current, target);
        List<RankStep> steps = new ArrayList<>();
        for (int[] run : layout.runs) {
            int first = run[0];
            int last = run[1];
            if (first > 0) {
                String anchor = target.get(first - 1);
                for (int from = first; from <= last; from += RankStep.MAX_ISSUES) {
                    List<String> keys = target.subList(from, Math.min(from + RankStep.MAX_ISSUES, last + 1));
                    steps.add(new RankStep(keys, RankStep.Position.AFTER, anchor));
                    anchor = keys.get(keys.size() - 1);
                }
            }
            else {
                // A run at the top has no kept issue above it; the kept issue below
                // exists because a longest
                // increasing subsequence of a non-empty order is never empty.
                String anchor = target.get(last + 1);
                for (int to = last + 1; to > first; to -= RankStep.MAX_ISSUES) {
                    List<String> keys = target.subList(Math.max(first, to - RankStep.MAX_ISSUES), to);
                    steps.add(new RankStep(keys, RankStep.Position.BEFORE, anchor));
                    anchor = keys.get(0);
                }
            }
        }
        List<String> moved = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < target.size(); i++) {
            (layout.keep[i] ? kept : moved).add(target.get(i));
        }
        return new RankPlan(steps, moved, kept);
    }

    /**
     * Σ over maximal runs of consecutive moved issues (in target order) of ⌈run length /
     * 50⌉.
     */
    public static int minimumCalls(List<String> current, List<String> target) {
        int calls = 0;
        for (int[] run : Layout.of(current, target).runs) {
            int length = run[1] - run[0] + 1;
            calls += (length + RankStep.MAX_ISSUES - 1) / RankStep.MAX_ISSUES;
        }
        return calls;
    }

    /**
     * The issues not where the target puts them: target issues at another index (or
     * missing) in the actual order, in target order, followed by issues present only in
     * the actual order. Empty means the apply succeeded.
     */
    public static List<String> verify(List<String> actual, List<String> target) {
        List<String> misplaced = new ArrayList<>();
        for (int i = 0; i < target.size(); i++) {
            if (i >= actual.size() || !actual.get(i).equals(target.get(i))) {
                misplaced.add(target.get(i));
            }
        }
        Set<String> expected = new HashSet<>(target);
        actual.stream().filter(key -> !expected.contains(key)).forEach(misplaced::add);
        return misplaced;
    }

    public List<RankStep> steps() {
        return steps;
    }

    /** The issues the plan moves, in target order. */
    public List<String> movedKeys() {
        return moved;
    }

    /**
     * The issues that stay where they are (the longest increasing subsequence), in target
     * order.
     */
    public List<String> keptKeys() {
        return kept;
    }

    public int calls() {
        return steps.size();
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /**
     * Which target positions stay, and the maximal runs [first, last] of target positions
     * that move.
     */
    private record Layout(boolean[] keep, List<int[]> runs) {

        static Layout of(List<String> current, List<String> target) {
            Map<String, Integer> currentIndex = indexOf(current, "current");
            if (target.size() != current.size()) {
                throw new IllegalArgumentException(
                        "current has %d issues, target %d".formatted(current.size(), target.size()));
            }
            int[] positions = new int[target.size()];
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < target.size(); i++) {
                Integer at = currentIndex.get(target.get(i));
                if (at == null || !seen.add(target.get(i))) {
                    throw new IllegalArgumentException("target and current must hold the same distinct issues; "
                            + target.get(i) + " does not match");
                }
                positions[i] = at;
            }
            boolean[] keep = LongestIncreasingSubsequence.membersOf(positions);
            List<int[]> runs = new ArrayList<>();
            for (int i = 0; i < keep.length; i++) {
                if (!keep[i] && (i == 0 || keep[i - 1])) {
                    runs.add(new int[] { i, i });
                }
                if (!keep[i]) {
                    runs.get(runs.size() - 1)[1] = i;
                }
            }
            return new Layout(keep, runs);
        }

        private static Map<String, Integer> indexOf(List<String> order, String name) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < order.size(); i++) {
                if (order.get(i) == null || index.put(order.get(i), i) != null) {
                    throw new IllegalArgumentException(
                            "issue " + order.get(i) + " appears twice in the " + name + " order");
                }
            }
            return index;
        }
    }

}
