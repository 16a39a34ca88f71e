package dev.throughline.theme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** One issue in a theme's scope, reduced to what progress needs. */
public record ScopeItem(String key, long projectId, Kind kind, boolean done, Optional<Double> storyPoints,
        Optional<BigDecimal> valueScore, Optional<LocalDate> due, Instant updated, boolean hasChildren,
        Optional<String> valueModel) {

    public enum Kind {

        EPIC, STANDARD, SUBTASK

    }

    public ScopeItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(storyPoints, "storyPoints");
        Objects.requireNonNull(valueScore, "valueScore");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(valueModel, "valueModel");
    }

    /** An item whose score's model is not known (counted under "unknown model"). */
    public ScopeItem(String key, long projectId, Kind kind, boolean done, Optional<Double> storyPoints,
            Optional<BigDecimal> valueScore, Optional<LocalDate> due, Instant updated, boolean hasChildren) {
        this(key, projectId, kind, done, storyPoints, valueScore, due, updated, hasChildren, Optional.empty());
    }

    /**
     * Epics are containers: their children are the work. An epic without children is
     * itself one item. Sub-tasks are steps of their parent and are not counted separately
     * (their parent is).
     */
    public boolean countsAsWork() {
        return switch (kind) {
            case EPIC -> !hasChildren;
            case STANDARD -> true;
            case SUBTASK -> false;
        };
    }
}
