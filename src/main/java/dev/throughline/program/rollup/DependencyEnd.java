package dev.throughline.program.rollup;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One end of a blocking link, as much as the dependency checks need. */
public record DependencyEnd(String key, String projectKey, StatusCategory status, Optional<LocalDate> due,
        Optional<String> parentKey, List<String> themeIds) {

    public DependencyEnd {
        if (key == null || projectKey == null || status == null || due == null || parentKey == null
                || themeIds == null) {
            throw new IllegalArgumentException("dependency end needs key, project, status, due, parent and themes");
        }
        themeIds = List.copyOf(themeIds);
    }

    static DependencyEnd of(ProgramIssue issue) {
        return new DependencyEnd(issue.key(), issue.projectKey(), issue.status(), issue.due(), issue.parentKey(),
                issue.themeIds());
    }

    public boolean isOpen() {
        return !status.isDone();
    }
}
