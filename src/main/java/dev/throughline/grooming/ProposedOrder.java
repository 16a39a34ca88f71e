package dev.throughline.grooming;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of {@link OrderProposal}: the proposed order, every issue's move (in
 * proposed order), the dependency cycles found among backlog issues (each in current
 * order), the dependencies the order could not honour (and why), why each issue stands
 * where it does, and the order of the model blocks (scores of different models never
 * compare).
 */
public record ProposedOrder(List<String> order, List<Move> moves, List<List<String>> dependencyCycles,
        List<UnmetDependency> unmetDependencies, Map<UnmetDependency, UnmetDependency.Cause> unmetCauses,
        Map<String, MoveReason> reasons, List<String> modelOrder) {

    public ProposedOrder(List<String> order, List<Move> moves, List<List<String>> dependencyCycles,
            List<UnmetDependency> unmetDependencies) {
        this(order, moves, dependencyCycles, unmetDependencies, Map.of(), Map.of(), List.of());
    }

    public ProposedOrder {
        order = List.copyOf(order);
        moves = List.copyOf(moves);
        dependencyCycles = dependencyCycles.stream().map(List::copyOf).toList();
        unmetDependencies = List.copyOf(unmetDependencies);
        unmetCauses = Map.copyOf(unmetCauses);
        reasons = Map.copyOf(reasons);
        modelOrder = List.copyOf(modelOrder);
        if (moves.size() != order.size()) {
            throw new IllegalArgumentException(
                    "one move per issue: %d moves for %d issues".formatted(moves.size(), order.size()));
        }
    }

    public Optional<Move> moveOf(String key) {
        return moves.stream().filter(m -> m.key().equals(key)).findFirst();
    }

    public Optional<MoveReason> reasonOf(String key) {
        return Optional.ofNullable(reasons.get(key));
    }

    /** How many unmet dependencies each cause left, for the page's wording. */
    public Map<UnmetDependency.Cause, Long> unmetCounts() {
        Map<UnmetDependency.Cause, Long> counts = new EnumMap<>(UnmetDependency.Cause.class);
        unmetCauses.values().forEach(cause -> counts.merge(cause, 1L, Long::sum));
        return counts;
    }

    public boolean changesAnything() {
        return moves.stream().anyMatch(m -> m.direction() != Move.Direction.UNCHANGED);
    }
}
