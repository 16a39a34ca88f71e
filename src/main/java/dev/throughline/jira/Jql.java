package dev.throughline.jira;

import dev.throughline.problems.JiraKeys;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JQL query, made only by this class: every JQL the app sends to Jira is built here.
 * Values the app puts in are checked (project and issue keys, issue ids, property keys)
 * and written as quoted JQL strings with {@code "} and {@code \} escaped; a user's own
 * condition ({@link #refinement}) is accepted only when its parentheses and quotes
 * balance outside string literals and it has no ORDER BY, and is parenthesised, so ANDing
 * it to a restriction can only narrow the search. The restriction is never empty (Jira
 * refuses unbounded JQL).
 */
public final class Jql {

    private static final Pattern PROPERTY_KEY = Pattern.compile("[A-Za-z0-9._-]{1,255}");

    private static final Pattern PROPERTY_PATH = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*");

    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private static final Pattern CUSTOM_FIELD = Pattern.compile("customfield_([1-9][0-9]{0,17})");

    private final String where;

    private final String orderBy;

    private Jql(String where, String orderBy) {
        this.where = where;
        this.orderBy = orderBy;
    }

    // --- restrictions from values the app checks ---

    /** {@code project = "KEY"}. */
    public static Jql projectIs(String projectKey) {
        return new Jql("project = " + quote(projectKey(projectKey)), "");
    }

    /** {@code project in ("A", "B")}. */
    public static Jql projectIn(Collection<String> projectKeys) {
        return new Jql("project in " + list(projectKeys.stream().map(Jql::projectKey).toList()), "");
    }

    /** {@code project not in ("A", "B")}: only ever ANDed (alone it is unbounded). */
    public static Jql projectNotIn(Collection<String> projectKeys) {
        if (projectKeys.isEmpty()) {
            throw new IllegalArgumentException("project not in () needs at least one project");
        }
        return new Jql("project not in " + list(projectKeys.stream().map(Jql::projectKey).toList()), "");
    }

    /** {@code key in ("A-1", "B-2")}. */
    public static Jql issueKeyIn(Collection<String> issueKeys) {
        return new Jql("key in " + list(issueKeys.stream().map(Jql::issueKey).toList()), "");
    }

    /** {@code id not in (10001, 10002)}: only ever ANDed; Jira refuses unknown ids. */
    public static Jql idNotIn(Collection<Long> issueIds) {
        return new Jql("id not in " + ids(issueIds, "id not in"), "");
    }

    /** {@code key >= "A-1"}: the key's project, from that key number upward. */
    public static Jql keyAtLeast(String issueKey) {
        return new Jql("key >= " + quote(issueKey(issueKey)), "");
    }

    /**
     * {@code filter = 10012}: the issues a saved filter (a board's) shows, as its owner
     * shared it; only ever ANDed with projects here, so a search stays bounded.
     */
    public static Jql filterIs(long filterId) {
        if (filterId <= 0) {
            throw new IllegalArgumentException("a filter id is a positive number");
        }
        return new Jql("filter = " + filterId, "");
    }

    /** {@code parent in ("A-1", "B-2")}. */
    public static Jql parentIn(Collection<String> issueKeys) {
        return new Jql("parent in " + list(issueKeys.stream().map(Jql::issueKey).toList()), "");
    }

    /** {@code parent in (10001, 10002)}: by the parent's id, which a move keeps. */
    public static Jql parentIdIn(Collection<Long> issueIds) {
        return new Jql("parent in " + ids(issueIds, "parent in"), "");
    }

    /** {@code issue.property[key].path = "value"}; the value may be any text. */
    public static Jql propertyEquals(String propertyKey, String path, String value) {
        return new Jql(property(propertyKey, path) + " = " + quote(Objects.requireNonNull(value, "value")), "");
    }

    /** {@code issue.property[key].path IS NOT EMPTY}. */
    public static Jql propertyIsNotEmpty(String propertyKey, String path) {
        return new Jql(property(propertyKey, path) + " IS NOT EMPTY", "");
    }

    /**
     * {@code cf[10028] IS NOT EMPTY} for a custom field, {@code timeoriginalestimate IS
     * NOT EMPTY} for a system one: the issues holding a value in that field.
     */
    public static Jql fieldIsNotEmpty(String fieldId) {
        Objects.requireNonNull(fieldId, "fieldId");
        Matcher custom = CUSTOM_FIELD.matcher(fieldId);
        if (custom.matches()) {
            return new Jql("cf[" + custom.group(1) + "] IS NOT EMPTY", "");
        }
        if (!FIELD.matcher(fieldId).matches() || fieldId.startsWith("customfield_")) {
            throw new IllegalArgumentException("not a field id: " + fieldId);
        }
        return new Jql(fieldId + " IS NOT EMPTY", "");
    }

    /**
     * {@code updated >= "-Nm"}: issues changed in the last {@code minutes} minutes of
     * Jira's own clock, so the app's clock and time zone never enter the bound.
     */
    public static Jql updatedInLastMinutes(long minutes) {
        return inLastMinutes(minutes, "updated");
    }

    /**
     * {@code field >= "-Nm"}, or {@code (a >= "-Nm" OR b >= "-Nm")} for several: date
     * fields or date-typed aliases ({@code valueUpdated}), one search for either.
     */
    public static Jql inLastMinutes(long minutes, String... dateFields) {
        List<String> fields = List.of(dateFields);
        if (minutes < 1 || fields.isEmpty() || !fields.stream().allMatch(f -> FIELD.matcher(f).matches())) {
            throw new IllegalArgumentException("not a date bound: " + fields + " in the last " + minutes + "m");
        }
        List<String> bounds = fields.stream().map(f -> f + " >= " + quote("-" + minutes + "m")).toList();
        return new Jql(bounds.size() == 1 ? bounds.get(0) : "(" + String.join(" OR ", bounds) + ")", "");
    }

    // --- a user's condition ---

    /**
     * A user's JQL condition, parenthesised. Refused (IllegalArgumentException, with
     * {@link #refinementProblem}'s words) when it could reach outside the parentheses it
     * is put in, or carries an ORDER BY.
     */
    public static Jql refinement(String text) {
        refinementProblem(text).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return new Jql("(" + text.strip() + ")", "");
    }

    /**
     * Why {@code text} cannot be a refinement, in words for the user; empty when it can.
     */
    public static Optional<String> refinementProblem(String text) {
        return RefinementText.problem(text);
    }

    // --- combinators ---

    /**
     * Both restrictions (each side is a single clause or parenthesised, so AND binds as
     * written).
     */
    public Jql and(Jql other) {
        if (!orderBy.isEmpty() || !other.orderBy.isEmpty()) {
            throw new IllegalStateException("AND the restrictions before ordering");
        }
        return new Jql(where + " AND " + other.where, "");
    }

    /** Either restriction, parenthesised: a later AND binds to both. */
    public Jql or(Jql other) {
        if (!orderBy.isEmpty() || !other.orderBy.isEmpty()) {
            throw new IllegalStateException("OR the restrictions before ordering");
        }
        return new Jql("(" + where + " OR " + other.where + ")", "");
    }

    /** The same restriction ordered by {@code field}, ascending. */
    public Jql orderedBy(String field) {
        if (!FIELD.matcher(Objects.requireNonNull(field, "field")).matches()) {
            throw new IllegalArgumentException("not a field to order by: " + field);
        }
        return new Jql(where, " ORDER BY " + field + " ASC");
    }

    /** The JQL text Jira receives. */
    public String text() {
        return where + orderBy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Jql jql && jql.text().equals(text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return text();
    }

    /**
     * A JQL string literal: double quotes, with {@code "} and {@code \} escaped (and line
     * breaks and tabs).
     */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    /**
     * {@code (10001, 10002)}: positive issue ids only; {@code clause} names the refusal.
     */
    private static String ids(Collection<Long> issueIds, String clause) {
        if (issueIds.isEmpty() || issueIds.stream().anyMatch(id -> id == null || id <= 0)) {
            throw new IllegalArgumentException(clause + " () needs positive issue ids, was " + issueIds);
        }
        return "(" + String.join(", ", issueIds.stream().map(String::valueOf).toList()) + ")";
    }

    private static String list(List<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an IN list needs at least one value");
        }
        return "(" + String.join(", ", values.stream().map(Jql::quote).toList()) + ")";
    }

    private static String property(String propertyKey, String path) {
        if (propertyKey == null || !PROPERTY_KEY.matcher(propertyKey).matches()) {
            throw new IllegalArgumentException("not an entity property key: " + propertyKey);
        }
        if (path == null || !PROPERTY_PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("not a property path: " + path);
        }
        return "issue.property[" + propertyKey + "]." + path;
    }

    private static String projectKey(String key) {
        if (!JiraKeys.isProjectKey(key)) {
            throw new IllegalArgumentException("not a project key: " + key);
        }
        return key;
    }

    private static String issueKey(String key) {
        if (!JiraKeys.isIssueKey(key)) {
            throw new IllegalArgumentException("not an issue key: " + key);
        }
        return key;
    }

}
