package dev.throughline.planning;

import java.util.Map;
import java.util.Objects;

/**
 * The odds of a plan: for each planned item the probability it finishes by the end of its
 * planned period, for each period with commitments the probability that all of them hold,
 * and the items below the confidence threshold.
 */
public record PlanOdds(Map<String, Double> items, Map<String, Double> commitmentsByPeriod, double threshold,
        int trials) {

    public static final double DEFAULT_THRESHOLD = 0.70;

    public PlanOdds {
        items = Map.copyOf(items);
        commitmentsByPeriod = Map.copyOf(commitmentsByPeriod);
        Objects.requireNonNull(items, "items");
    }

    /** Whether the item's odds are below the threshold (flagged in the views). */
    public boolean flagged(String key) {
        Double odds = items.get(key);
        return odds != null && odds < threshold;
    }

}
