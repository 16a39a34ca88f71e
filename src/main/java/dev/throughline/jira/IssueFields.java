package dev.throughline.jira;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code fields} of an issue with typed accessors for what Throughline reads. Every
 * accessor is empty when the field was not requested, is null, or has an unexpected
 * shape, so a missing field never throws.
 */
public final class IssueFields {

    /** Jira writes offsets without a colon: 2024-03-01T10:15:30.000+0000. */
    static final DateTimeFormatter JIRA_DATE_TIME = new DateTimeFormatterBuilder()
        .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
        .appendPattern("[XXX][XX][X]")
        .toFormatter();

    private static final IssueFields NONE = new IssueFields(Map.of());

    private final Map<String, Object> values;

    private IssueFields(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * Fields from plain JSON values; copied deeply, so later changes to the argument are
     * not seen.
     */
    public static IssueFields of(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        return values.isEmpty() ? NONE : new IssueFields(Json.freezeMap(values));
    }

    public static IssueFields none() {
        return NONE;
    }

    public boolean has(String fieldId) {
        return values.get(fieldId) != null;
    }

    /**
     * True when the field was sent at all, even as JSON null (an empty field): only then
     * does its absence of a value say something.
     */
    public boolean carries(String fieldId) {
        return values.containsKey(fieldId);
    }

    public Optional<String> summary() {
        return string("summary");
    }

    public Optional<String> statusName() {
        return path("status", "name").flatMap(IssueFields::asString);
    }

    public Optional<StatusCategory> statusCategory() {
        return path("status", "statusCategory", "key").flatMap(IssueFields::asString).flatMap(StatusCategory::ofKey);
    }

    public Optional<String> issueTypeName() {
        return path("issuetype", "name").flatMap(IssueFields::asString);
    }

    /** Empty when the issue type was not requested. */
    public Optional<Boolean> isSubtask() {
        return path("issuetype", "subtask").filter(Boolean.class::isInstance).map(Boolean.class::cast);
    }

    public Optional<String> projectKey() {
        return path("project", "key").flatMap(IssueFields::asString);
    }

    public Optional<Long> projectId() {
        return path("project", "id").flatMap(IssueFields::asString).map(Long::valueOf);
    }

    public Optional<String> parentKey() {
        return path("parent", "key").flatMap(IssueFields::asString);
    }

    public Optional<OffsetDateTime> created() {
        return string("created").flatMap(IssueFields::dateTime);
    }

    public Optional<OffsetDateTime> resolutionDate() {
        return string("resolutiondate").flatMap(IssueFields::dateTime);
    }

    public Optional<LocalDate> dueDate() {
        return string("duedate").flatMap(text -> {
            try {
                return Optional.of(LocalDate.parse(text));
            }
            catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /** Original estimate in seconds ({@code timeoriginalestimate}). */
    public Optional<Long> originalEstimateSeconds() {
        return number("timeoriginalestimate").map(Double::longValue);
    }

    public List<String> fixVersionNames() {
        return list("fixVersions").stream()
            .map(v -> v instanceof Map<?, ?> m ? m.get("name") : null)
            .flatMap(name -> asString(name).stream())
            .toList();
    }

    public List<IssueLinkRef> issueLinks() {
        List<IssueLinkRef> links = new ArrayList<>();
        for (Object entry : list("issuelinks")) {
            if (entry instanceof Map<?, ?> link) {
                Optional<String> id = asString(link.get("id"));
                Optional<String> type = at(link.get("type"), "name").flatMap(IssueFields::asString);
                Optional<String> inward = at(link.get("inwardIssue"), "key").flatMap(IssueFields::asString);
                Optional<String> outward = at(link.get("outwardIssue"), "key").flatMap(IssueFields::asString);
                if (id.isPresent() && type.isPresent() && inward.isPresent() != outward.isPresent()) {
                    links.add(new IssueLinkRef(id.get(), type.get(), inward, outward));
                }
            }
        }
        return List.copyOf(links);
    }

    /** A numeric field, e.g. the story points custom field. */
    public Optional<Double> number(String fieldId) {
        Object value = values.get(fieldId);
        return value instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    /**
     * A text field; for option-like objects (e.g. select lists) their {@code value} or
     * {@code name}.
     */
    public Optional<String> string(String fieldId) {
        Object value = values.get(fieldId);
        if (value instanceof Map<?, ?> object) {
            return asString(object.get("value")).or(() -> asString(object.get("name")));
        }
        return asString(value);
    }

    /**
     * The raw field as plain, unmodifiable Java values (Map, List, String, Number,
     * Boolean).
     */
    public Optional<Object> raw(String fieldId) {
        return Optional.ofNullable(values.get(fieldId));
    }

    private Optional<Object> path(String field, String... keys) {
        Optional<Object> current = Optional.ofNullable(values.get(field));
        for (String key : keys) {
            current = current.flatMap(v -> at(v, key));
        }
        return current;
    }

    private static Optional<Object> at(Object object, String key) {
        return object instanceof Map<?, ?> map ? Optional.ofNullable(map.get(key)) : Optional.empty();
    }

    private List<?> list(String fieldId) {
        return values.get(fieldId) instanceof List<?> list ? list : List.of();
    }

    private static Optional<String> asString(Object value) {
        return value instanceof String s ? Optional.of(s) : Optional.empty();
    }

    private static Optional<OffsetDateTime> dateTime(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, JIRA_DATE_TIME));
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IssueFields that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "IssueFields" + values;
    }

}
