package dev.throughline.jira;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A JQL search. Jira Cloud refuses unbounded JQL (no restriction before ORDER BY), returns only {@code id}
 * unless fields are named, and takes at most 5 entity properties per request.
 * {@code key} is always requested, since every {@link JiraIssue} has one.
 */
public record SearchRequest(String jql, List<String> fields, List<String> properties, int pageSize) {

    public static final int MAX_PROPERTIES = 5;
    public static final int MAX_PAGE_SIZE = 5000;
    public static final int DEFAULT_PAGE_SIZE = 100;

    public SearchRequest {
        jql = boundedJql(jql);
        Set<String> named = new LinkedHashSet<>(Checks.noNulls("fields", fields));
        named.add("key");
        fields = List.copyOf(named);
        properties = List.copyOf(Checks.noNulls("properties", properties));
        if (properties.size() > MAX_PROPERTIES) {
            throw new IllegalArgumentException("Jira returns at most 5 properties per search, got " + properties.size());
        }
        properties.forEach(Checks::propertyKey);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 1.." + MAX_PAGE_SIZE + ": " + pageSize);
        }
    }

    public static SearchRequest of(String jql, List<String> fields) {
        return new SearchRequest(jql, fields, List.of(), DEFAULT_PAGE_SIZE);
    }

    public SearchRequest withProperties(List<String> propertyKeys) {
        return new SearchRequest(jql, fields, propertyKeys, pageSize);
    }

    public SearchRequest withPageSize(int size) {
        return new SearchRequest(jql, fields, properties, size);
    }

    /** Rejects JQL that has nothing but an ORDER BY: Jira Cloud answers 400 to unbounded searches. */
    static String boundedJql(String jql) {
        Checks.notBlank("jql", jql);
        String trimmed = jql.strip();
        if (trimmed.toLowerCase(Locale.ROOT).startsWith("order by")) {
            throw new IllegalArgumentException("JQL must be bounded (restrict before ORDER BY): " + jql);
        }
        return trimmed;
    }
}
