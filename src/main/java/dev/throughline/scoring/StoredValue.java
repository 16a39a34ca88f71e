package dev.throughline.scoring;

import java.util.Objects;
import java.util.Optional;

/**
 * What an issue's {@code throughline.value} property holds as far as this app can read
 * it: nothing, a score record, or something it cannot read (written by another tool or an
 * older version). An unreadable value counts as unscored: it is never ranked, and a write
 * replaces it when it carries version 0 or the number the foreign value stores as its
 * {@code version}.
 *
 * @param problem why the stored value could not be read; empty when it was read or there
 * is none
 * @param storedVersion the whole number an unreadable value holds under {@code version},
 * else 0
 */
public record StoredValue(Optional<ValueRecord> record, Optional<String> problem, long storedVersion) {

    public static final StoredValue NONE = new StoredValue(Optional.empty(), Optional.empty(), 0);

    public StoredValue {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(problem, "problem");
        if (record.isPresent() && problem.isPresent()) {
            throw new IllegalArgumentException("a stored value is either read or unreadable");
        }
    }

    public static StoredValue of(ValueRecord record) {
        return new StoredValue(Optional.of(record), Optional.empty(), 0);
    }

    public static StoredValue unreadable(String problem, long storedVersion) {
        return new StoredValue(Optional.empty(), Optional.of(problem), Math.max(0, storedVersion));
    }

    public boolean unreadable() {
        return problem.isPresent();
    }

    /**
     * Whether a write made by someone who read {@code expectedVersion} may replace this
     * value.
     */
    public boolean accepts(long expectedVersion) {
        if (record.isPresent()) {
            return record.get().version() == expectedVersion;
        }
        return expectedVersion == 0 || (unreadable() && storedVersion > 0 && expectedVersion == storedVersion);
    }
}
