package dev.throughline.jira;

import java.util.Objects;
import java.util.Optional;

/**
 * What Throughline needs of a board's configuration: its estimation field and its rank
 * field.
 */
public record BoardConfiguration(long boardId, String name, Optional<String> estimationFieldId,
        Optional<Long> rankFieldId) {

    public BoardConfiguration {
        Checks.positive("board id", boardId);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(estimationFieldId, "estimationFieldId");
        Objects.requireNonNull(rankFieldId, "rankFieldId");
    }
}
