package dev.throughline.program.rollup;

import java.util.List;

/**
 * Open-blocks-open links, sorted by blocker then blocked key. A link counts once both of
 * its issues were folded and list it (Jira lists a link on both issues). Links whose
 * other end was not seen (a project this viewer may not browse, a sub-task while
 * sub-tasks are excluded) are only counted, never named.
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
