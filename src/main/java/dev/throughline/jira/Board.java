package dev.throughline.jira;

import java.util.Objects;
import java.util.Optional;

/**
 * A Jira Software board (scrum, kanban, simple) and, when it has one, the project it
 * lives in.
 */
public record Board(long id, String name, String type, Optional<Long> projectId, Optional<String> projectKey) {

    public Board {
        Checks.positive("board id", id);
        Objects.requireNonNull(name, "name");
        Checks.notBlank("board type", type);
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(projectKey, "projectKey");
    }
}
