package dev.throughline.scoring;

import dev.throughline.problems.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A site's scoring configuration: the value/effort thresholds and its custom scorecards.
 */
public record ScoringSettings(QuadrantThresholds thresholds, List<Scorecard> scorecards) {

    public static final int MAX_SCORECARDS = 20;

    public static final ScoringSettings DEFAULT = new ScoringSettings(QuadrantThresholds.DEFAULT, List.of());

    public ScoringSettings {
        Objects.requireNonNull(thresholds, "thresholds");
        scorecards = List.copyOf(scorecards);
        if (scorecards.size() > MAX_SCORECARDS) {
            throw new InvalidInputException("scorecards", "A site can have at most " + MAX_SCORECARDS + " scorecards");
        }
        if (scorecards.stream().map(Scorecard::id).distinct().count() != scorecards.size()) {
            throw new IllegalArgumentException("scorecard ids must be unique");
        }
    }

    public ModelCatalog catalog() {
        return new ModelCatalog(thresholds, scorecards);
    }

    public Optional<Scorecard> scorecard(String id) {
        return scorecards.stream().filter(card -> card.id().equals(id)).findFirst();
    }

    /**
     * The settings with {@code definition} saved under its id: a new scorecard starts at
     * version 1, a changed one gets the next version so stored scores know they were made
     * by an older definition.
     */
    public ScoringSettings withScorecard(String id, String name, Scorecard.Form form, List<Criterion> criteria) {
        List<Scorecard> cards = new ArrayList<>(scorecards);
        Optional<Scorecard> existing = scorecard(id);
        Scorecard saved = existing.map(card -> card.nextVersion(name, form, criteria))
            .orElseGet(() -> new Scorecard(id, name, 1, form, criteria));
        existing.ifPresentOrElse(card -> cards.set(cards.indexOf(card), saved), () -> cards.add(saved));
        return new ScoringSettings(thresholds, cards);
    }
}
