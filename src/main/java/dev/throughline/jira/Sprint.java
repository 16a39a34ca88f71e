package dev.throughline.jira;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A Jira Software sprint of a board: {@code state} {@code active}, {@code future} or
 * {@code closed}; a future sprint may have no dates yet.
 */
public record Sprint(long id, String name, String state, Optional<Instant> startDate, Optional<Instant> endDate) {

    public Sprint {
        Checks.positive("sprint id", id);
        Objects.requireNonNull(name, "name");
        Checks.notBlank("sprint state", state);
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
    }
}
