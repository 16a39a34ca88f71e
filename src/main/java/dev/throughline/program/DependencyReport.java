package dev.throughline.program;

import java.util.List;

/**
 * Open-blocks-open links, sorted by blocker then blocked key. Links whose other end is not among the merged
 * projects (not visible to this viewer, or a sub-task while sub-tasks are excluded) are only counted.
 */
public record DependencyReport(List<Dependency> open, int linksWithUnseenEnd) {

    public DependencyReport {
        open = List.copyOf(open);
        if (linksWithUnseenEnd < 0) {
            throw new IllegalArgumentException("linksWithUnseenEnd must be >= 0");
        }
    }

    public List<Dependency> crossProject() {
        return open.stream().filter(Dependency::crossProject).toList();
    }

    public List<Dependency> conflicts() {
        return open.stream().filter(Dependency::hasConflict).toList();
    }
}
