package dev.throughline.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One write of a score: when, by whom (accountId), with which model version and inputs,
 * and the result.
 */
public record HistoryEntry(Instant at, String by, String model, int modelVersion, Map<String, BigDecimal> inputs,
        BigDecimal score) {

    public HistoryEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(score, "score");
        inputs = Collections.unmodifiableMap(new TreeMap<>(inputs));
    }
}
