package dev.throughline.grooming;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One backlog issue as the ordering sees it: its key, its value score if it has one,
 * whether the product owner pinned it to its current position, the keys of the open
 * issues that block it and the model its score was made with ({@code null} when unscored
 * or unknown: scores of different models never compare). Blockers may lie outside the
 * backlog; those cannot be ordered against and are ignored by the proposal.
 */
public record BacklogItem(String key, BigDecimal score, boolean pinned, Set<String> openBlockers, String model) {

    public BacklogItem(String key, BigDecimal score, boolean pinned, Set<String> openBlockers) {
        this(key, score, pinned, openBlockers, null);
    }

    public BacklogItem {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a backlog item needs an issue key");
        }
        openBlockers = Set.copyOf(Objects.requireNonNull(openBlockers, "openBlockers"));
        if (openBlockers.contains(key)) {
            throw new IllegalArgumentException(key + " cannot block itself");
        }
    }

    public static BacklogItem scored(String key, BigDecimal score) {
        return new BacklogItem(key, Objects.requireNonNull(score, "score"), false, Set.of());
    }

    public static BacklogItem unscored(String key) {
        return new BacklogItem(key, null, false, Set.of());
    }

    public BacklogItem pinnedInPlace() {
        return new BacklogItem(key, score, true, openBlockers, model);
    }

    public BacklogItem blockedBy(String... blockerKeys) {
        return new BacklogItem(key, score, pinned, Set.of(blockerKeys), model);
    }

    public BacklogItem scoredWith(String modelId) {
        return new BacklogItem(key, score, pinned, openBlockers, modelId);
    }

    public Optional<BigDecimal> valueScore() {
        return Optional.ofNullable(score);
    }

    public boolean isScored() {
        return score != null;
    }
}
