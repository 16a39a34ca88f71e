package dev.throughline.program.rollup;

import java.util.List;
import java.util.Optional;

/**
 * An epic, or (with sub-tasks included) a parent with sub-tasks. Kept whole until the end
 * because its children may arrive before or after it: its themes flow to them, and if
 * none arrive it counts as one item itself.
 */
record Container(String key, String summary, String projectKey, IssueKind kind, StatusCategory status,
        Optional<String> parentKey, List<String> themeIds, List<String> fixVersions, ItemFacts ownFacts) {

    static Container of(ProgramIssue issue, ItemFacts facts) {
        // only an epic's summary is shown (its row's name); other parents keep none, to
        // hold less in memory
        String summary = issue.kind() == IssueKind.EPIC ? issue.summary() : "";
        return new Container(issue.key(), summary, issue.projectKey(), issue.kind(), issue.status(), issue.parentKey(),
                issue.themeIds(), issue.fixVersions(), facts);
    }

    boolean isEpic() {
        return kind == IssueKind.EPIC;
    }
}
