package dev.throughline.grooming;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Proposes a value order for a backlog given in Jira's current rank order.
 * <ol>
 * <li>Pinned issues keep their exact positions; so do unscored issues when
 * {@code unscoredLast} is off.</li>
 * <li>The other issues fill the remaining positions by score, highest first; ties keep
 * their current relative order (stable sort). Scores of different models never compare:
 * the leading model's issues (the project's default) come first, then each other model's
 * issues in one block, the blocks in the order their first issue stands today. With
 * {@code unscoredLast} on, unscored issues follow all scored ones, in their current
 * relative order.</li>
 * <li>Dependency-aware: a blocked issue never goes above an open backlog issue that
 * blocks it. Each free position takes the best-scored issue whose blockers are all
 * already placed (a stable topological order), so blocked issues sink to just below their
 * blockers; blockers are never promoted above their own score. Within a dependency cycle
 * the members keep their current relative order, and the cycle is reported.</li>
 * <li>Where a pin makes a dependency impossible (a free slot above a pinned blocker with
 * nothing else left to put there, or a pinned issue above its blocker) the pin wins and
 * the dependency is reported as unmet.</li>
 * </ol>
 */
public final class OrderProposal {

    private OrderProposal() {
    }

    public static ProposedOrder propose(List<BacklogItem> backlog) {
        return propose(backlog, ProposalOptions.defaults());
    }

    public static ProposedOrder propose(List<BacklogItem> backlog, ProposalOptions options) {
        int n = backlog.size();
        Map<String, Integer> indexOf = indexByKey(backlog);

        boolean[] fixed = new boolean[n];
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BacklogItem item = backlog.get(i);
            fixed[i] = item.pinned() || (!options.unscoredLast() && !item.isScored());
            if (!fixed[i]) {
                free.add(i);
            }
        }
        // List.sort is stable: equal scores (and all unscored issues) keep their current
        // relative order.
        List<String> models = modelOrder(backlog, options.leadingModel());
        free.sort(byModelThenScoreUnscoredLast(backlog, models));
        int[] desiredRank = new int[n];
        for (int r = 0; r < free.size(); r++) {
            desiredRank[free.get(r)] = r;
        }

        List<List<Integer>> blocks = blocksGraph(backlog, indexOf);
        List<List<Integer>> cycles = DependencyCycles.of(blocks);
        List<List<Integer>> constraints = options.dependencyAware() ? withCyclesInCurrentOrder(blocks, cycles)
                : emptyGraph(n);

        MoveReason[] reasons = new MoveReason[n];
        int[] order = fill(backlog, fixed, free, desiredRank, constraints, reasons);
        return describe(backlog, order, blocks, cycles, options.dependencyAware(), reasons, models);
    }

    private static Map<String, Integer> indexByKey(List<BacklogItem> backlog) {
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < backlog.size(); i++) {
            if (indexOf.put(backlog.get(i).key(), i) != null) {
                throw new IllegalArgumentException("issue " + backlog.get(i).key() + " appears twice in the backlog");
            }
        }
        return indexOf;
    }

    /**
     * Scores of different models never compare: the leading model's issues come first,
     * then each other model's in one block, the blocks in the order their first issue
     * stands in the backlog today; within a block the highest score first. Unscored
     * issues last.
     */
    static List<String> modelOrder(List<BacklogItem> backlog, Optional<String> leadingModel) {
        LinkedHashSet<String> models = new LinkedHashSet<>();
        leadingModel.filter(m -> backlog.stream().anyMatch(i -> i.isScored() && m.equals(modelOf(i))))
            .ifPresent(models::add);
        backlog.stream().filter(BacklogItem::isScored).forEach(i -> models.add(modelOf(i)));
        return List.copyOf(models);
    }

    private static String modelOf(BacklogItem item) {
        return item.model() == null ? "" : item.model();
    }

    private static Comparator<Integer> byModelThenScoreUnscoredLast(List<BacklogItem> backlog,
            List<String> modelOrder) {
        return (a, b) -> {
            BigDecimal sa = backlog.get(a).score();
            BigDecimal sb = backlog.get(b).score();
            if (sa == null || sb == null) {
                return Boolean.compare(sa == null, sb == null);
            }
            int byModel = Integer.compare(modelOrder.indexOf(modelOf(backlog.get(a))),
                    modelOrder.indexOf(modelOf(backlog.get(b))));
            return byModel != 0 ? byModel : sb.compareTo(sa);
        };
    }

    /** Edges blocker -> blocked, between backlog issues only. */
    private static List<List<Integer>> blocksGraph(List<BacklogItem> backlog, Map<String, Integer> indexOf) {
        List<List<Integer>> blocks = emptyGraph(backlog.size());
        for (int blocked = 0; blocked < backlog.size(); blocked++) {
            for (String blockerKey : backlog.get(blocked).openBlockers()) {
                Integer blocker = indexOf.get(blockerKey);
                if (blocker != null) {
                    blocks.get(blocker).add(blocked);
                }
            }
        }
        blocks.forEach(successors -> successors.sort(null)); // Set iteration order must
                                                             // not leak into results
        return blocks;
    }

    /**
     * Replaces the edges inside each cycle by a chain in current order: the graph becomes
     * acyclic (edges between cycles already form a DAG) and the cycle's members keep
     * their current relative order.
     */
    private static List<List<Integer>> withCyclesInCurrentOrder(List<List<Integer>> blocks,
            List<List<Integer>> cycles) {
        int n = blocks.size();
        int[] cycleOf = new int[n];
        Arrays.fill(cycleOf, -1);
        for (int c = 0; c < cycles.size(); c++) {
            for (int member : cycles.get(c)) {
                cycleOf[member] = c;
            }
        }
        List<List<Integer>> acyclic = emptyGraph(n);
        for (int from = 0; from < n; from++) {
            for (int to : blocks.get(from)) {
                if (cycleOf[from] < 0 || cycleOf[from] != cycleOf[to]) {
                    acyclic.get(from).add(to);
                }
            }
        }
        for (List<Integer> cycle : cycles) {
            for (int k = 1; k < cycle.size(); k++) {
                acyclic.get(cycle.get(k - 1)).add(cycle.get(k));
            }
        }
        return acyclic;
    }

    /**
     * Fills the positions top to bottom: fixed issues in their own slot, free slots with
     * the best ready issue. Notes each issue's reason: an issue placed after one its
     * score ranks below was waiting for the blocker placed last before it.
     */
    private static int[] fill(List<BacklogItem> backlog, boolean[] fixed, List<Integer> free, int[] desiredRank,
            List<List<Integer>> constraints, MoveReason[] reasons) {
        int n = fixed.length;
        int[] waitingFor = new int[n];
        constraints.forEach(successors -> successors.forEach(s -> waitingFor[s]++));
        TreeSet<Integer> ready = new TreeSet<>(); // desired ranks of free issues whose
                                                  // blockers are placed
        TreeSet<Integer> unplaced = new TreeSet<>(); // desired ranks of all free issues
                                                     // not yet placed
        for (int r = 0; r < free.size(); r++) {
            unplaced.add(r);
            if (waitingFor[free.get(r)] == 0) {
                ready.add(r);
            }
        }
        boolean[] placed = new boolean[n];
        int[] releasedBy = new int[n];
        Arrays.fill(releasedBy, -1);
        int highestRankPlaced = -1;
        int[] order = new int[n];
        for (int slot = 0; slot < n; slot++) {
            int issue;
            if (fixed[slot]) {
                issue = slot;
                reasons[issue] = MoveReason
                    .of(backlog.get(issue).pinned() ? MoveReason.Kind.PINNED : MoveReason.Kind.UNSCORED_IN_PLACE);
            }
            else {
                // Nothing ready means every remaining free issue waits for a pinned issue
                // further down: the pin wins.
                boolean pinWins = ready.isEmpty();
                Integer rank = pinWins ? unplaced.first() : ready.pollFirst();
                unplaced.remove(rank);
                issue = free.get(rank);
                reasons[issue] = reason(backlog, issue, pinWins, rank < highestRankPlaced, releasedBy[issue]);
                highestRankPlaced = Math.max(highestRankPlaced, rank);
            }
            placed[issue] = true;
            order[slot] = issue;
            for (int next : constraints.get(issue)) {
                if (--waitingFor[next] == 0 && !fixed[next] && !placed[next]) {
                    releasedBy[next] = issue;
                    ready.add(desiredRank[next]);
                }
            }
        }
        return order;
    }

    private static MoveReason reason(List<BacklogItem> backlog, int issue, boolean pinWins, boolean heldBack,
            int releasedBy) {
        if (pinWins) {
            return MoveReason.of(MoveReason.Kind.PIN_LEFT_NO_CHOICE);
        }
        if (heldBack && releasedBy >= 0) {
            BacklogItem blocker = backlog.get(releasedBy);
            return MoveReason.heldBy(blocker.key(), !blocker.isScored());
        }
        return MoveReason.of(backlog.get(issue).isScored() ? MoveReason.Kind.SCORE : MoveReason.Kind.UNSCORED_LAST);
    }

    private static ProposedOrder describe(List<BacklogItem> backlog, int[] order, List<List<Integer>> blocks,
            List<List<Integer>> cycles, boolean dependencyAware, MoveReason[] reasons, List<String> models) {
        Set<Integer> inCycle = new HashSet<>();
        cycles.forEach(inCycle::addAll);
        int n = order.length;
        int[] proposedIndex = new int[n];
        List<String> keys = new ArrayList<>(n);
        List<Move> moves = new ArrayList<>(n);
        for (int slot = 0; slot < n; slot++) {
            proposedIndex[order[slot]] = slot;
            keys.add(backlog.get(order[slot]).key());
            moves.add(new Move(backlog.get(order[slot]).key(), order[slot], slot));
        }
        List<UnmetDependency> unmet = new ArrayList<>();
        Map<UnmetDependency, UnmetDependency.Cause> causes = new HashMap<>();
        for (int slot = 0; slot < n; slot++) {
            int blocker = order[slot];
            for (int blocked : blocks.get(blocker)) {
                if (proposedIndex[blocked] < slot) {
                    UnmetDependency.Cause cause = !dependencyAware ? UnmetDependency.Cause.IGNORED
                            : inCycle.contains(blocker) && inCycle.contains(blocked) ? UnmetDependency.Cause.CYCLE
                                    : UnmetDependency.Cause.PIN;
                    UnmetDependency dependency = new UnmetDependency(backlog.get(blocker).key(),
                            backlog.get(blocked).key());
                    unmet.add(dependency);
                    causes.put(dependency, cause);
                }
            }
        }
        List<List<String>> cycleKeys = cycles.stream()
            .map(cycle -> cycle.stream().map(i -> backlog.get(i).key()).toList())
            .toList();
        Map<String, MoveReason> reasonByKey = new HashMap<>();
        for (int i = 0; i < n; i++) {
            reasonByKey.put(backlog.get(i).key(), reasons[i]);
        }
        return new ProposedOrder(keys, moves, cycleKeys, unmet, causes, reasonByKey,
                models.stream().filter(m -> !m.isEmpty()).toList());
    }

    private static List<List<Integer>> emptyGraph(int n) {
        List<List<Integer>> graph = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            graph.add(new ArrayList<>());
        }
        return graph;
    }

}
