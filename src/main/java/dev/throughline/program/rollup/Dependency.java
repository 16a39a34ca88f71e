package dev.throughline.program.rollup;

import java.util.List;

/** An open item blocked by an open item. */
public record Dependency(DependencyEnd blocker, DependencyEnd blocked, boolean crossProject,
        List<DependencyConflict> conflicts) {

    public Dependency {
        if (blocker == null || blocked == null || conflicts == null) {
            throw new IllegalArgumentException("dependency needs both ends and a conflict list");
        }
        conflicts = List.copyOf(conflicts);
    }

    public boolean hasConflict() {
        return !conflicts.isEmpty();
    }
}
