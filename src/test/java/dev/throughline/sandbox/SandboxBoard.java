package dev.throughline.sandbox;

import java.util.Objects;

/**
 * A scrum board located in one project; its backlog is derived from the site's rank
 * order.
 */
public record SandboxBoard(long id, String name, long projectId) {
    public SandboxBoard {
        if (id <= 0 || projectId <= 0)
            throw new IllegalArgumentException("ids must be positive");
        Objects.requireNonNull(name, "name");
    }
}
