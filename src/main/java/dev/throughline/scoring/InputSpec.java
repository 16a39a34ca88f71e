package dev.throughline.scoring;

import dev.throughline.problems.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A model input and its rule: a range (optionally exclusive at the bottom), an optional
 * set of allowed values, whether it must be whole. {@link #check} is the single place
 * where an input value is judged.
 */
public record InputSpec(String key, String label, String unit, BigDecimal min, boolean minExclusive, BigDecimal max,
        List<BigDecimal> allowed, boolean wholeNumber, List<BigDecimal> suggested, BigDecimal least, BigDecimal most) {

    public InputSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
        allowed = List.copyOf(allowed);
        suggested = List.copyOf(suggested);
        if (!key.matches("[a-zA-Z][a-zA-Z0-9_]{0,39}")) {
            throw new IllegalArgumentException("input key must be 1-40 letters, digits or _: " + key);
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("min > max for " + key);
        }
        if ((least != null || most != null) && (max != null || !allowed.isEmpty())) {
            throw new IllegalArgumentException("limits are for open-ended inputs only: " + key);
        }
    }

    public static InputSpec wholeNumber(String key, String label, String unit, long min, Long max) {
        return new InputSpec(key, label, unit, BigDecimal.valueOf(min), false,
                max == null ? null : BigDecimal.valueOf(max), List.of(), true, List.of(), null, null);
    }

    public static InputSpec range(String key, String label, String unit, BigDecimal min, boolean minExclusive,
            BigDecimal max) {
        return new InputSpec(key, label, unit, min, minExclusive, max, List.of(), false, List.of(), null, null);
    }

    public static InputSpec oneOf(String key, String label, String unit, List<BigDecimal> allowed) {
        return new InputSpec(key, label, unit, null, false, null, allowed, false, List.of(), null, null);
    }

    public InputSpec withSuggested(List<BigDecimal> values) {
        return new InputSpec(key, label, unit, min, minExclusive, max, allowed, wholeNumber, values, least, most);
    }

    /**
     * Sanity limits of an open-ended input ({@code leastValue} may be null): a reach
     * beyond any product's, an effort of minutes. They keep every score a number that the
     * panel, the label, tables and CSV all show alike (at most 15 significant digits,
     * what a JavaScript number holds exactly).
     */
    public InputSpec withLimits(BigDecimal leastValue, BigDecimal mostValue) {
        return new InputSpec(key, label, unit, min, minExclusive, max, allowed, wholeNumber, suggested, leastValue,
                Objects.requireNonNull(mostValue, "most"));
    }

    /**
     * The largest value taken, whether the scale's top or a sanity limit (null: none).
     */
    public BigDecimal upperLimit() {
        return max != null ? max : most;
    }

    /**
     * The value if it obeys the rule, otherwise an {@link InvalidInputException} naming
     * this input.
     */
    public BigDecimal check(BigDecimal value) {
        Objects.requireNonNull(value, "value");
        if (!allowed.isEmpty()) {
            if (allowed.stream().noneMatch(a -> a.compareTo(value) == 0)) {
                throw reject("must be one of " + plain(allowed));
            }
            return value;
        }
        if (wholeNumber && value.stripTrailingZeros().scale() > 0) {
            throw reject("must be a whole number");
        }
        if (min != null && (minExclusive ? value.compareTo(min) <= 0 : value.compareTo(min) < 0)) {
            throw reject(scaleText());
        }
        if (max != null && value.compareTo(max) > 0) {
            throw reject(scaleText());
        }
        if (least != null && value.compareTo(least) < 0) {
            throw reject("must be at least " + plain(least));
        }
        if (most != null && value.compareTo(most) > 0) {
            throw reject("must be at most " + plain(most));
        }
        return value;
    }

    /**
     * The rule in words, e.g. "must be greater than 0" or "must be between 0 and 100".
     */
    public String rangeText() {
        if (most == null) {
            return scaleText();
        }
        String bottom = least != null ? "at least " + plain(least)
                : min == null ? null : (minExclusive ? "greater than " : "at least ") + plain(min);
        return "must be " + (bottom == null ? "" : bottom + " and ") + "at most " + plain(most);
    }

    private String scaleText() {
        if (!allowed.isEmpty()) {
            return "must be one of " + plain(allowed);
        }
        String low = min == null ? null : min.stripTrailingZeros().toPlainString();
        String high = max == null ? null : max.stripTrailingZeros().toPlainString();
        if (minExclusive) {
            return high == null ? "must be greater than " + low
                    : "must be greater than " + low + " and at most " + high;
        }
        if (low != null && high != null) {
            return "must be between " + low + " and " + high;
        }
        return low != null ? "must be at least " + low : "must be at most " + high;
    }

    private InvalidInputException reject(String rule) {
        return new InvalidInputException(key, label + " " + rule);
    }

    private static String plain(List<BigDecimal> values) {
        return String.join(", ", values.stream().map(InputSpec::plain).toList());
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
