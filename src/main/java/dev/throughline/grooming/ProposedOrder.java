package dev.throughline.grooming;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link OrderProposal}: the proposed order, every issue's move (in
 * proposed order), the dependency cycles found among backlog issues (each in current
 * order) and the dependencies the order could not honour.
 */
public record ProposedOrder(List<String> order, List<Move> moves, List<List<String>> dependencyCycles,
        List<UnmetDependency> unmetDependencies) {

    public ProposedOrder {
        order = List.copyOf(order);
        moves = List.copyOf(moves);
        dependencyCycles = dependencyCycles.stream().map(List::copyOf).toList();
        unmetDependencies = List.copyOf(unmetDependencies);
        if (moves.size() != order.size()) {
            throw new IllegalArgumentException(
                    "one move per issue: %d moves for %d issues".formatted(moves.size(), order.size()));
        }
    }

    public Optional<Move> moveOf(String key) {
        return moves.stream().filter(m -> m.key().equals(key)).findFirst();
    }

    public boolean changesAnything() {
        return moves.stream().anyMatch(m -> m.direction() != Move.Direction.UNCHANGED);
    }
}
