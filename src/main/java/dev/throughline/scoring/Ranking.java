package dev.throughline.scoring;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Objects;

/**
 * An issue's place among the scored issues of its project: rank 1 is the highest score,
 * ties share a rank, and the percentile is the share of the other issues it scores
 * strictly above (top = 100, bottom = 0). Computed when asked, never stored, so it can
 * move while the score itself never does.
 */
public record Ranking(int rank, int of, int percentile) {

    public Ranking {
        if (of < 1 || rank < 1 || rank > of || percentile < 0 || percentile > 100) {
            throw new IllegalArgumentException("rank %d of %d, percentile %d".formatted(rank, of, percentile));
        }
    }

    /** The ranking of {@code score} among {@code scores}, which must include it. */
    public static Ranking of(BigDecimal score, Collection<BigDecimal> scores) {
        Objects.requireNonNull(score, "score");
        long higher = scores.stream().filter(s -> s.compareTo(score) > 0).count();
        long lower = scores.stream().filter(s -> s.compareTo(score) < 0).count();
        int n = scores.size();
        if (scores.stream().noneMatch(s -> s.compareTo(score) == 0)) {
            throw new IllegalArgumentException("scores must include the ranked score");
        }
        int percentile = n == 1 ? 100 : (int) Math.round(100.0 * lower / (n - 1));
        return new Ranking((int) higher + 1, n, percentile);
    }
}
