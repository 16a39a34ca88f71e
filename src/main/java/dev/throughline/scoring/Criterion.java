package dev.throughline.scoring;

import dev.throughline.problems.InvalidInputException;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One criterion of a custom scorecard: a weighted input on its own scale, counted as
 * benefit or cost.
 */
public record Criterion(String key, String name, BigDecimal weight, BigDecimal min, BigDecimal max, Kind kind) {

    public enum Kind {

        BENEFIT, COST

    }

    static final BigDecimal MAX_WEIGHT = BigDecimal.valueOf(1000);

    /**
     * A scale's top: with 20 criteria weighted at most 1000 a weighted sum stays below 2
     * × 10⁸, a number every page shows exactly.
     */
    static final BigDecimal MAX_SCALE = BigDecimal.valueOf(10_000);

    public Criterion {
        Objects.requireNonNull(kind, "kind");
        if (key == null || !key.matches("[a-zA-Z][a-zA-Z0-9_]{0,39}")) {
            throw new InvalidInputException("key",
                    "Criterion key must start with a letter and have at most 40 letters, digits or _");
        }
        if (name == null || name.isBlank() || name.length() > 80) {
            throw new InvalidInputException("name", "Criterion name must be 1 to 80 characters");
        }
        if (weight == null || weight.signum() <= 0 || weight.compareTo(MAX_WEIGHT) > 0) {
            throw new InvalidInputException("weight", "Weight of " + name + " must be greater than 0 and at most 1000");
        }
        if (min == null || max == null || min.compareTo(max) >= 0) {
            throw new InvalidInputException("min", "Scale of " + name + " needs a minimum below its maximum");
        }
        if (min.signum() < 0) {
            throw new InvalidInputException("min", "Scale of " + name + " must not go below 0");
        }

    }

    /**
     * The limit of a scale an admin submits now. Only new and changed scorecards are held
     * to it: one stored before the limit keeps working.
     */
    public Criterion requireScaleWithinLimit() {
        if (max.compareTo(MAX_SCALE) > 0) {
            throw new InvalidInputException("max", "Scale of " + name + " must not go above 10000");
        }
        return this;
    }

    InputSpec inputSpec() {
        return InputSpec.range(key, name,
                min.stripTrailingZeros().toPlainString() + "–" + max.stripTrailingZeros().toPlainString(), min, false,
                max);
    }
}
