package dev.throughline.sandbox;

import java.util.Objects;

/**
 * A scrum board located in one project; its backlog is derived from the site's rank
 * order. Its saved filter has the id {@code id + 10000} (as the board configuration
 * answers) and shows {@code filterJql}'s issues, or, without one, its whole project's
 * ({@code project = KEY}, the generated boards').
 */
public record SandboxBoard(long id, String name, long projectId, String filterJql) {

    /** The offset of a board's filter id from its board id. */
    public static final long FILTER_OFFSET = 10000;

    public SandboxBoard {
        if (id <= 0 || projectId <= 0)
            throw new IllegalArgumentException("ids must be positive");
        Objects.requireNonNull(name, "name");
    }

    /** A board whose filter shows its whole project. */
    public SandboxBoard(long id, String name, long projectId) {
        this(id, name, projectId, null);
    }

    public long filterId() {
        return id + FILTER_OFFSET;
    }

}
