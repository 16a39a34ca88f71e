package dev.throughline.scoring;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one input contributes to a score. Multiplicative models list factors and divisors;
 * additive ones list signed amounts ({@code weight × value}, negative for costs).
 */
public record Term(String key, String label, BigDecimal value, Role role, BigDecimal contribution) {

    public enum Role {

        FACTOR, DIVISOR, ADDEND, SUBTRAHEND

    }

    public Term {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(contribution, "contribution");
    }
}
