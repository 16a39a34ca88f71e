package dev.throughline.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * A computed score. Absolute: it depends only on its own inputs and model version, never
 * on other issues, so adding or re-scoring another idea never moves it. Rounded to
 * {@value #DECIMALS} decimals.
 */
public record Score(BigDecimal value, Breakdown breakdown, Optional<Quadrant> quadrant) {

    public static final int DECIMALS = 4;

    public Score {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(breakdown, "breakdown");
        Objects.requireNonNull(quadrant, "quadrant");
        value = round(value);
    }

    public Score(BigDecimal value, Breakdown breakdown) {
        this(value, breakdown, Optional.empty());
    }

    public static BigDecimal round(BigDecimal value) {
        BigDecimal rounded = value.setScale(DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    public String display() {
        return value.toPlainString();
    }
}
