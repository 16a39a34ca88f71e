package dev.throughline.scoring;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Checked input values of one score, by input key. Built by {@link InputParser};
 * immutable.
 */
public record ScoreInputs(Map<String, BigDecimal> values) {

    public ScoreInputs {
        Objects.requireNonNull(values, "values");
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public BigDecimal get(String key) {
        BigDecimal value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no input " + key);
        }
        return value;
    }
}
