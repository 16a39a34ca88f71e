package dev.throughline.jira;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A board's backlog, optionally narrowed by JQL, with the fields to return; backlog pages
 * hold at most 50.
 */
public record BacklogRequest(long boardId, Optional<Jql> jql, List<String> fields, int pageSize) {

    public static final int MAX_PAGE_SIZE = 50;

    public BacklogRequest {
        Checks.positive("board id", boardId);
        Objects.requireNonNull(jql, "jql");
        Set<String> named = new LinkedHashSet<>(Checks.noNulls("fields", fields));
        named.add("key");
        fields = List.copyOf(named);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 1.." + MAX_PAGE_SIZE + ": " + pageSize);
        }
    }

    public static BacklogRequest of(long boardId, List<String> fields) {
        return new BacklogRequest(boardId, Optional.empty(), fields, MAX_PAGE_SIZE);
    }
}
