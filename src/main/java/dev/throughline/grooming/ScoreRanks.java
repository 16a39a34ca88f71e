package dev.throughline.grooming;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each scored backlog item stands by value among the backlog's items scored with
 * the same model (RICE and WSJF numbers do not compare): rank 1 is the highest score and
 * ties share a rank, as in the issue panel.
 */
public final class ScoreRanks {

    /** One scored item: its key, model and score. */
    public record Scored(String key, String model, BigDecimal score) {
        public Scored {
            if (key == null || model == null || score == null) {
                throw new IllegalArgumentException("a scored item needs a key, a model and a score");
            }
        }
    }

    /** An item's rank among {@code of} items of its model. */
    public record Rank(int rank, int of) {
        public Rank {
            if (rank < 1 || rank > of) {
                throw new IllegalArgumentException("rank must be 1.." + of + ": " + rank);
            }
        }
    }

    private ScoreRanks() {
    }

    /**
     * Ranks by model in O(n log n): 1 + the number of items of the model that score
     * strictly higher.
     */
    public static Map<String, Rank> of(List<Scored> items) {
        Map<String, List<BigDecimal>> byModel = new HashMap<>();
        items.forEach(item -> byModel.computeIfAbsent(item.model(), m -> new ArrayList<>()).add(item.score()));
        byModel.values().forEach(scores -> scores.sort(Collections.reverseOrder()));
        Map<String, Rank> ranks = new HashMap<>();
        for (Scored item : items) {
            List<BigDecimal> descending = byModel.get(item.model());
            ranks.put(item.key(), new Rank(1 + higherThan(descending, item.score()), descending.size()));
        }
        return ranks;
    }

    /** How many scores in the descending list are strictly greater than {@code score}. */
    private static int higherThan(List<BigDecimal> descending, BigDecimal score) {
        int low = 0;
        int high = descending.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (descending.get(middle).compareTo(score) > 0) {
                low = middle + 1;
            }
            else {
                high = middle;
            }
        }
        return low;
    }

}
