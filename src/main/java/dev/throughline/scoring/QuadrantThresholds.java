package dev.throughline.scoring;

import dev.throughline.problems.InvalidInputException;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The split of the value/effort matrix a site admin chooses: value at or above
 * {@code value} is high, effort above {@code effort} is high.
 */
record QuadrantThresholds(BigDecimal value, BigDecimal effort) {

    public static final QuadrantThresholds DEFAULT = new QuadrantThresholds(BigDecimal.valueOf(50),
            BigDecimal.valueOf(5));

    public QuadrantThresholds {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(effort, "effort");
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidInputException("quadrant.value", "Value threshold must be between 0 and 100");
        }
        if (effort.signum() <= 0) {
            throw new InvalidInputException("quadrant.effort", "Effort threshold must be greater than 0");
        }
    }

    public Quadrant place(BigDecimal itemValue, BigDecimal itemEffort) {
        boolean highValue = itemValue.compareTo(value) >= 0;
        boolean highEffort = itemEffort.compareTo(effort) > 0;
        if (highValue) {
            return highEffort ? Quadrant.BIG_BET : Quadrant.QUICK_WIN;
        }
        return highEffort ? Quadrant.MONEY_PIT : Quadrant.FILL_IN;
    }
}
