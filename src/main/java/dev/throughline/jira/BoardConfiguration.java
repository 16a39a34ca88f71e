package dev.throughline.jira;

import java.util.Objects;
import java.util.Optional;

/**
 * What Throughline needs of a board's configuration: its estimation field, its rank field
 * and its filter (which issues the board shows: a plan's board team counts only those).
 */
public record BoardConfiguration(long boardId, String name, Optional<String> estimationFieldId,
        Optional<Long> rankFieldId, Optional<Long> filterId) {

    public BoardConfiguration {
        Checks.positive("board id", boardId);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(estimationFieldId, "estimationFieldId");
        Objects.requireNonNull(rankFieldId, "rankFieldId");
        Objects.requireNonNull(filterId, "filterId");
    }

    /** A configuration read without its filter. */
    public BoardConfiguration(long boardId, String name, Optional<String> estimationFieldId,
            Optional<Long> rankFieldId) {
        this(boardId, name, estimationFieldId, rankFieldId, Optional.empty());
    }
}
