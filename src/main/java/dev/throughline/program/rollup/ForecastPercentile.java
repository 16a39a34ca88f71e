package dev.throughline.program.rollup;

import java.time.LocalDate;
import java.util.Optional;

/**
 * "With {@code percent} % confidence, done by the end of the week starting
 * {@code weekStart}", which is {@code weeksFromNow} weeks after the current week. Both
 * are empty when the answer is beyond the horizon.
 */
public record ForecastPercentile(int percent, Optional<Integer> weeksFromNow, Optional<LocalDate> weekStart) {

    public ForecastPercentile {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent must be 1..100, was " + percent);
        }
        if (weeksFromNow == null || weekStart == null || weeksFromNow.isPresent() != weekStart.isPresent()) {
            throw new IllegalArgumentException("weeks and week start are both present or both empty");
        }
    }

    public boolean beyondHorizon() {
        return weeksFromNow.isEmpty();
    }
}
