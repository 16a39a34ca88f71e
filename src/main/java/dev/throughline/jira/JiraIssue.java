package dev.throughline.jira;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An issue as search or the backlog returns it: the requested fields and entity
 * properties.
 */
public record JiraIssue(String id, String key, IssueFields fields, Map<String, PropertyValue> properties) {

    public JiraIssue {
        Checks.numericId("issue id", id);
        Checks.issueKey(key);
        Objects.requireNonNull(fields, "fields");
        properties = Map.copyOf(Objects.requireNonNull(properties, "properties"));
    }

    public Optional<PropertyValue> property(String propertyKey) {
        return Optional.ofNullable(properties.get(propertyKey));
    }
}
