package dev.throughline.jira;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A JQL search. Jira Cloud refuses unbounded JQL ({@link Jql} always restricts), returns
 * only {@code id} unless fields are named, and takes at most 5 entity properties per
 * request. {@code key} is always requested, since every {@link JiraIssue} has one.
 */
public record SearchRequest(Jql jql, List<String> fields, List<String> properties, int pageSize) {

    public static final int MAX_PROPERTIES = 5;

    public static final int MAX_PAGE_SIZE = 5000;

    public static final int DEFAULT_PAGE_SIZE = 100;

    public SearchRequest {
        Objects.requireNonNull(jql, "jql");
        fields = checkedFields(fields);
        properties = checkedProperties(properties);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 1.." + MAX_PAGE_SIZE + ": " + pageSize);
        }
    }

    public static SearchRequest of(Jql jql, List<String> fields) {
        return new SearchRequest(jql, fields, List.of(), DEFAULT_PAGE_SIZE);
    }

    public SearchRequest withProperties(List<String> propertyKeys) {
        return new SearchRequest(jql, fields, propertyKeys, pageSize);
    }

    public SearchRequest withPageSize(int size) {
        return new SearchRequest(jql, fields, properties, size);
    }

    /** The named fields with {@code key} added. */
    static List<String> checkedFields(List<String> fields) {
        Set<String> named = new LinkedHashSet<>(Checks.noNulls("fields", fields));
        named.add("key");
        return List.copyOf(named);
    }

    /** At most 5 property keys, each a valid one. */
    static List<String> checkedProperties(List<String> properties) {
        List<String> copy = List.copyOf(Checks.noNulls("properties", properties));
        if (copy.size() > MAX_PROPERTIES) {
            throw new IllegalArgumentException("Jira returns at most 5 properties per search, got " + copy.size());
        }
        copy.forEach(Checks::propertyKey);
        return copy;
    }
}
