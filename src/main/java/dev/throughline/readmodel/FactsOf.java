package dev.throughline.readmodel;

import dev.throughline.jira.IssueFields;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.PropertyValue;
import dev.throughline.readmodel.IssueFacts.IssueRef;
import dev.throughline.readmodel.IssueFacts.Level;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Jira issue (a search result or a webhook's {@code issue}) → its {@link IssueFacts}:
 * exactly the fields and properties the features fold.
 */
public final class FactsOf {

    public static final String VALUE_PROPERTY = "throughline.value";

    static final String BLOCKS = "Blocks";

    private FactsOf() {
    }

    /**
     * The fields a search for facts asks for; the story-points field is added when the
     * site has one.
     */
    public static List<String> fields(Optional<String> storyPointsField) {
        List<String> fields = new ArrayList<>(
                List.of("project", "summary", "status", "issuetype", "parent", "issuelinks", "created",
                        "resolutiondate", "duedate", "timeoriginalestimate", "fixVersions", "subtasks", "updated"));
        storyPointsField.ifPresent(fields::add);
        return List.copyOf(fields);
    }

    /** The issue properties a search for facts asks for. */
    public static List<String> properties() {
        return List.of(VALUE_PROPERTY, ThemeLinks.PROPERTY_KEY);
    }

    /**
     * The issue's own project as Jira returns it (its {@code project} field; else its
     * key's prefix, which a move changes too).
     */
    public static String ownProject(JiraIssue issue) {
        return issue.fields().projectKey().orElseGet(() -> issue.key().substring(0, issue.key().lastIndexOf('-')));
    }

    /**
     * True when a webhook's issue carries every field the facts are made of, so it can be
     * applied without reading the issue from Jira (its properties are kept from the read
     * model).
     */
    public static boolean complete(JiraIssue issue) {
        IssueFields f = issue.fields();
        return f.has("project") && f.has("status") && f.has("issuetype") && f.has("created");
    }

    public static IssueFacts of(JiraIssue issue, Optional<String> storyPointsField) {
        IssueFields f = issue.fields();
        List<IssueRef> blocks = new ArrayList<>();
        List<IssueRef> blockedBy = new ArrayList<>();
        for (Object entry : f.raw("issuelinks")
            .filter(List.class::isInstance)
            .map(l -> (List<?>) l)
            .orElse(List.of())) {
            if (entry instanceof Map<?, ?> link
                    && at(link.get("type"), "name").filter(n -> BLOCKS.equalsIgnoreCase(n.toString())).isPresent()) {
                ref(link.get("outwardIssue")).filter(r -> !r.key().equals(issue.key())).ifPresent(blocks::add);
                ref(link.get("inwardIssue")).filter(r -> !r.key().equals(issue.key())).ifPresent(blockedBy::add);
            }
        }
        Optional<IssueRef> parent = f.raw("parent").flatMap(FactsOf::ref).filter(p -> !p.key().equals(issue.key()));
        Level level = level(f);
        if (level == Level.SUBTASK && parent.isEmpty()) {
            level = Level.STANDARD; // a sub-task always has a parent in Jira; be lenient
                                    // rather than fail a rollup
        }
        IssueFacts fields = new IssueFacts(Long.parseLong(issue.id()), issue.key(), ownProject(issue),
                f.summary().orElse(""), level, f.statusCategory().map(c -> c.key()).orElse("new"), parent,
                f.created().map(FactsOf::date), f.resolutionDate().map(FactsOf::date), f.dueDate(),
                storyPointsField.flatMap(f::number).filter(p -> Double.isFinite(p) && p >= 0),
                f.originalEstimateSeconds().filter(s -> s >= 0), f.fixVersionNames(), Optional.empty(),
                Optional.empty(), List.of(),
                f.raw("subtasks").filter(List.class::isInstance).map(l -> ((List<?>) l).size()).orElse(0), blocks,
                blockedBy, true, f.projectId().filter(p -> p > 0).orElse(0L),
                f.string("updated").flatMap(FactsOf::instant), Optional.empty());
        return withValue(fields, object(issue.property(VALUE_PROPERTY)))
            .withThemes(themes(object(issue.property(ThemeLinks.PROPERTY_KEY))));
    }

    /**
     * The held facts with one of the properties the read model keeps
     * ({@link #properties}) as a property event left it: {@code value} is the property's
     * JSON object, empty when the property was deleted or is no object (read as no value,
     * as a search's is). Empty for any other property.
     */
    public static Optional<IssueFacts> withProperty(IssueFacts held, String propertyKey,
            Optional<Map<String, Object>> value) {
        if (VALUE_PROPERTY.equals(propertyKey)) {
            return Optional.of(withValue(held, value));
        }
        if (ThemeLinks.PROPERTY_KEY.equals(propertyKey)) {
            return Optional.of(held.withThemes(themes(value)));
        }
        return Optional.empty();
    }

    private static IssueFacts withValue(IssueFacts facts, Optional<Map<String, Object>> value) {
        return facts.withValueRecord(
                value.map(m -> m.get("score")).filter(Number.class::isInstance).map(n -> new BigDecimal(n.toString())),
                value.map(m -> m.get("model")).filter(String.class::isInstance).map(String.class::cast),
                value.map(FactsOf::readableRecord).orElse(true), Optional.of(detail(value.orElse(Map.of()))));
    }

    private static Optional<Map<String, Object>> object(Optional<PropertyValue> property) {
        return property.filter(PropertyValue::isObject).map(PropertyValue::asMap);
    }

    /**
     * Whether a stored value object has every part of a score record (scoring's codec
     * reads it; the read model cannot depend on scoring, which reads it): one without is
     * left out of the panel's ranking and counted, as the ranking's search did.
     */
    private static boolean readableRecord(Map<String, Object> value) {
        return value.get("score") instanceof Number && value.get("model") instanceof String
                && value.get("modelVersion") instanceof Number && value.get("version") instanceof Number
                && value.get("inputs") instanceof Map && value.get("updatedAt") instanceof String
                && value.get("updatedBy") instanceof String;
    }

    /**
     * As grooming reads it: a version that is no number is 0; inputs that are no number
     * go.
     */
    private static IssueFacts.ValueDetail detail(Map<String, Object> value) {
        Map<String, BigDecimal> inputs = new HashMap<>();
        if (value.get("inputs") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> {
                if (v instanceof Number n) {
                    inputs.put(String.valueOf(k), new BigDecimal(n.toString()));
                }
            });
        }
        return new IssueFacts.ValueDetail(value.get("version") instanceof Number n ? n.longValue() : 0, inputs);
    }

    private static Level level(IssueFields f) {
        if (f.isSubtask().orElse(false)) {
            return Level.SUBTASK;
        }
        Optional<Object> hierarchy = f.raw("issuetype").flatMap(t -> at(t, "hierarchyLevel"));
        boolean epic = hierarchy.filter(Number.class::isInstance)
            .map(n -> ((Number) n).intValue() == 1)
            .orElseGet(() -> f.issueTypeName().map(name -> name.equalsIgnoreCase("Epic")).orElse(false));
        return epic ? Level.EPIC : Level.STANDARD;
    }

    private static List<String> themes(Optional<Map<String, Object>> stored) {
        try {
            return ThemeLinks.fromMap(stored).themeIds();
        }
        catch (IllegalArgumentException e) {
            return List.of(); // a malformed link property counts the issue without themes
        }
    }

    /** {@code {id, key}} of a linked or parent issue. */
    private static Optional<IssueRef> ref(Object compact) {
        Optional<String> key = at(compact, "key").filter(String.class::isInstance).map(String.class::cast);
        Optional<Long> id = at(compact, "id").map(Object::toString)
            .filter(s -> s.matches("[0-9]{1,18}"))
            .map(Long::valueOf);
        return key.map(k -> new IssueRef(id.orElse(0L), k));
    }

    private static Optional<Object> at(Object object, String key) {
        return object instanceof Map<?, ?> map ? Optional.ofNullable(map.get(key)) : Optional.empty();
    }

    /** Jira's date-time ({@code 2026-03-02T10:15:30.000+0000}), else empty. */
    public static Optional<Instant> instant(String jiraDateTime) {
        try {
            return Optional
                .of(OffsetDateTime.parse(jiraDateTime.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toInstant());
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static LocalDate date(OffsetDateTime time) {
        return time.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }

}
