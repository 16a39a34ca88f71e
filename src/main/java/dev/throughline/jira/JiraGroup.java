package dev.throughline.jira;

import java.util.Optional;

/**
 * A Jira group a user belongs to: its name and, where Jira gives one, its id (stable
 * across renames).
 */
public record JiraGroup(String name, Optional<String> groupId) {

    public JiraGroup {
        Checks.notBlank("group name", name);
        if (groupId == null) {
            groupId = Optional.empty();
        }
    }
}
