package dev.throughline.scoring;

import dev.throughline.problems.StaleVersionException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The product-value score of one issue as stored in its {@code throughline.value}
 * property. {@code version} counts writes and guards against lost updates;
 * {@code history} keeps the last {@value #HISTORY_LIMIT} writes, newest first, so the
 * property stays far below Jira's 32 KB limit.
 */
public record ValueRecord(String model, int modelVersion, Map<String, BigDecimal> inputs, BigDecimal score,
        Instant updatedAt, String updatedBy, long version, List<HistoryEntry> history) {

    public static final int HISTORY_LIMIT = 20;

    public ValueRecord {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
        inputs = Collections.unmodifiableMap(new TreeMap<>(inputs));
        history = List.copyOf(history);
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
        if (history.size() > HISTORY_LIMIT) {
            throw new IllegalArgumentException("history holds at most " + HISTORY_LIMIT + " entries");
        }
    }

    /**
     * The record after a write by {@code by} at {@code at}. {@code expectedVersion} is
     * the version the writer read (0 for an issue never scored); any other stored version
     * means a concurrent write.
     */
    public static ValueRecord write(Optional<ValueRecord> current, long expectedVersion, ScoringModel model,
            ScoreInputs inputs, Instant at, String by) {
        long currentVersion = current.map(ValueRecord::version).orElse(0L);
        if (currentVersion != expectedVersion) {
            throw StaleVersionException.of("The score", expectedVersion, currentVersion, current.orElse(null));
        }
        Score score = model.evaluate(inputs);
        HistoryEntry entry = new HistoryEntry(at, by, model.id(), model.version(), inputs.values(), score.value());
        List<HistoryEntry> history = new ArrayList<>();
        history.add(entry);
        current.ifPresent(previous -> history.addAll(previous.history()));
        List<HistoryEntry> kept = history.subList(0, Math.min(HISTORY_LIMIT, history.size()));
        return new ValueRecord(model.id(), model.version(), inputs.values(), score.value(), at, by, currentVersion + 1,
                kept);
    }

    /**
     * The same record keeping only the newest {@code entries} history entries (at least
     * the current one).
     */
    public ValueRecord withHistoryLimitedTo(int entries) {
        int kept = Math.max(1, Math.min(entries, history.size()));
        return new ValueRecord(model, modelVersion, inputs, score, updatedAt, updatedBy, version,
                history.subList(0, kept));
    }
}
