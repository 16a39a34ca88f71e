package dev.throughline.program.rollup;

import java.time.LocalDate;

/**
 * Cumulative scope (items created) and done (items resolved) at the end of the week
 * starting {@code weekStart}.
 */
public record BurnUpPoint(LocalDate weekStart, long scope, long done) {

    public BurnUpPoint {
        if (weekStart == null || scope < 0 || done < 0) {
            throw new IllegalArgumentException("burn-up point needs a week and non-negative counts");
        }
    }
}
