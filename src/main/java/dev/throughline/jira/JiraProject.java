package dev.throughline.jira;

/** A project's id, key and name. */
public record JiraProject(long id, String key, String name) {

    public JiraProject {
        Checks.positive("project id", id);
        Checks.notBlank("project key", key);
        Checks.notBlank("project name", name);
    }
}
