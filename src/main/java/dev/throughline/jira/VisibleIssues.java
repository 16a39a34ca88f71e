package dev.throughline.jira;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An issue as a user may see it. The app reads Jira as itself and sees more than most
 * users, so an issue in a project the user cannot browse is treated exactly like one that
 * does not exist.
 */
public final class VisibleIssues {

    private VisibleIssues() {
    }

    /**
     * The issue with the named fields ({@code project} is always added) and properties,
     * if the user may browse it.
     */
    public static Optional<JiraIssue> find(JiraClient client, String accountId, String issueKey, List<String> fields,
            List<String> properties) {
        List<String> withProject = fields.contains("project") ? fields
                : Stream.concat(fields.stream(), Stream.of("project")).toList();
        return client.issue(issueKey, withProject, properties).filter(issue -> {
            long projectId = issue.fields().projectId().orElse(-1L);
            return client.browsableProjects(accountId, List.of(projectId)).contains(projectId);
        });
    }

}
