package dev.throughline.jira;

import java.util.OptionalLong;

/**
 * A project's id, key and name, and, when asked for
 * ({@link JiraClient#projectsWithIssueCounts}), Jira's count of all its issues (the
 * project's "insight").
 */
public record JiraProject(long id, String key, String name, OptionalLong issueCount) {

    public JiraProject {
        Checks.positive("project id", id);
        Checks.notBlank("project key", key);
        Checks.notBlank("project name", name);
        if (issueCount == null) {
            issueCount = OptionalLong.empty();
        }
    }

    public JiraProject(long id, String key, String name) {
        this(id, key, name, OptionalLong.empty());
    }
}
