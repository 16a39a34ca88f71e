package dev.throughline.theme;

import java.util.Objects;
import java.util.Optional;

/**
 * A roadmap theme: a strategic bet with a measurable outcome, on the Now / Next / Later
 * board and optionally across quarters. {@code version} counts saves and guards against
 * lost updates.
 */
public record Theme(String id, String name, String description, ThemeColor color, ThemeStatus status, Horizon horizon,
        Optional<Quarter> startQuarter, Optional<Quarter> endQuarter, String outcome, Optional<String> owner,
        int sortOrder, long version) {

    public static final int MAX_NAME = 80;

    public static final int MAX_DESCRIPTION = 2_000;

    public static final int MAX_OUTCOME = 500;

    public Theme {
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(startQuarter, "startQuarter");
        Objects.requireNonNull(endQuarter, "endQuarter");
        Objects.requireNonNull(owner, "owner");
        if (id == null || !id.matches("[a-z0-9]{1,32}")) {
            throw new IllegalArgumentException("theme id must be 1-32 lower-case letters or digits: " + id);
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("theme name must be 1-80 characters");
        }
        description = description == null ? "" : description;
        outcome = outcome == null ? "" : outcome;
        if (description.length() > MAX_DESCRIPTION || outcome.length() > MAX_OUTCOME) {
            throw new IllegalArgumentException("theme description or outcome too long");
        }
        if (startQuarter.isPresent() && endQuarter.isPresent() && endQuarter.get().compareTo(startQuarter.get()) < 0) {
            throw new IllegalArgumentException("end quarter before start quarter");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    public Theme withPlacement(Horizon newHorizon, int newSortOrder) {
        return new Theme(id, name, description, color, status, newHorizon, startQuarter, endQuarter, outcome, owner,
                newSortOrder, version + 1);
    }
}
