package dev.throughline.jira;

import java.util.Map;
import java.util.Objects;

/**
 * For the bulk property call: the properties to set on one issue (by numeric id, as Jira
 * requires).
 */
public record IssuePropertyUpdate(long issueId, Map<String, PropertyValue> properties) {

    public IssuePropertyUpdate {
        Checks.positive("issue id", issueId);
        properties = Map.copyOf(Objects.requireNonNull(properties, "properties"));
        if (properties.isEmpty()) {
            throw new IllegalArgumentException("no properties to set on issue " + issueId);
        }
        properties.keySet().forEach(Checks::propertyKey);
    }
}
