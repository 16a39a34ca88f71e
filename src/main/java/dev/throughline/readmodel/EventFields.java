package dev.throughline.readmodel;

import dev.throughline.jira.IssueFields;
import dev.throughline.readmodel.RefinementCondition.FieldValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The refinement's fields as an issue event carries them ({@code fields} as a search
 * returns them): a field the event does not carry at all is unknown, one it carries as
 * null or an empty list is empty. Names are compared as Jira's JQL does: project keys and
 * names, issue types, statuses, status categories, priorities and resolutions without
 * regard to case; labels, component and version names only as written (where only the
 * case differs, the event cannot tell).
 */
public final class EventFields implements RefinementCondition.Fields {

    private final IssueFields fields;

    public EventFields(IssueFields fields) {
        this.fields = fields;
    }

    @Override
    public Optional<List<FieldValue>> values(String field) {
        return switch (field) {
            case "project" -> one("project", true, "key", "name");
            case "issuetype" -> one("issuetype", true, "name");
            case "status" -> one("status", true, "name");
            case "statuscategory" -> statusCategory();
            case "priority" -> one("priority", true, "name");
            case "resolution" -> one("resolution", true, "name");
            case "component" -> many("components", "name");
            case "fixversion" -> many("fixVersions", "name");
            case "labels" -> labels();
            default -> Optional.empty();
        };
    }

    /** A one-valued field: an object with an id and names, or null when empty. */
    private Optional<List<FieldValue>> one(String key, boolean caseKnown, String... names) {
        if (!fields.carries(key)) {
            return Optional.empty();
        }
        Optional<Object> raw = fields.raw(key);
        if (raw.isEmpty()) {
            return Optional.of(List.of());
        }
        return value(raw.get(), caseKnown, names).map(List::of);
    }

    private Optional<List<FieldValue>> statusCategory() {
        Optional<Object> category = fields.raw("status")
            .filter(Map.class::isInstance)
            .map(s -> ((Map<?, ?>) s).get("statusCategory"));
        return category.flatMap(c -> value(c, true, "key", "name")).map(List::of);
    }

    /** A list of objects with ids and names (components, versions). */
    private Optional<List<FieldValue>> many(String key, String name) {
        if (!fields.carries(key)) {
            return Optional.empty();
        }
        Optional<Object> raw = fields.raw(key);
        if (raw.isEmpty()) {
            return Optional.of(List.of());
        }
        if (!(raw.get() instanceof List<?> list)) {
            return Optional.empty();
        }
        List<FieldValue> values = new ArrayList<>();
        for (Object item : list) {
            Optional<FieldValue> value = value(item, false, name);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
        }
        return Optional.of(values);
    }

    private Optional<List<FieldValue>> labels() {
        if (!fields.carries("labels")) {
            return Optional.empty();
        }
        Object raw = fields.raw("labels").orElse(List.of());
        if (!(raw instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            return Optional.empty();
        }
        return Optional
            .of(list.stream().map(l -> new FieldValue(Optional.empty(), List.of((String) l), false)).toList());
    }

    /**
     * An object's id and names; empty (the event cannot tell) when it is no object or
     * lacks its id or a name JQL may use (a value written as an id would go unmatched).
     */
    private static Optional<FieldValue> value(Object raw, boolean caseKnown, String... names) {
        if (!(raw instanceof Map<?, ?> object)) {
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>();
        for (String name : names) {
            if (!(object.get(name) instanceof String text)) {
                return Optional.empty();
            }
            texts.add(text);
        }
        Object id = object.get("id");
        if (!(id instanceof String || id instanceof Number)) {
            return Optional.empty();
        }
        return Optional.of(new FieldValue(Optional.of(String.valueOf(id)), texts, caseKnown));
    }

}
