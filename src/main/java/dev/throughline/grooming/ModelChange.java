package dev.throughline.grooming;

import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.problems.JiraKeys;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Switching selected backlog issues to one scoring model. A score is never converted from
 * one model to another (RICE inputs say nothing about a WSJF job size), so every issue
 * gets a full set of the new model's inputs: the {@code inputs} shared by all selected
 * issues ("apply these to all 7"), overridden by an issue's own. Each issue carries the
 * score version the product owner saw (0 when unscored), so a score changed meanwhile is
 * not overwritten.
 */
public record ModelChange(String model, Map<String, Object> inputs, List<Item> items) {

    public static final int MAX_ITEMS = 100;

    private static final Set<String> FIELDS = Set.of("model", "inputs", "items");

    private static final Set<String> ITEM_FIELDS = Set.of("issueKey", "version", "inputs");

    /**
     * One selected issue: the version read (0 when unscored) and inputs of its own, if
     * any.
     */
    public record Item(String issueKey, long version, Map<String, Object> inputs) {
        public Item {
            Objects.requireNonNull(issueKey, "issueKey");
            if (version < 0) {
                throw new IllegalArgumentException("a score version is never negative: " + version);
            }
            inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        }
    }

    public ModelChange {
        Objects.requireNonNull(model, "model");
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        items = List.copyOf(items);
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("a model change takes 1 to " + MAX_ITEMS + " issues");
        }
    }

    /** The shared inputs with the issue's own laid over them. */
    public Map<String, Object> inputsOf(Item item) {
        Map<String, Object> merged = new LinkedHashMap<>(inputs);
        merged.putAll(item.inputs());
        return merged;
    }

    public List<String> issueKeys() {
        return items.stream().map(Item::issueKey).toList();
    }

    /**
     * {@code {model, inputs?, items: [{issueKey, version, inputs?}]}} from a decoded JSON
     * body; every problem is reported at once, named by field ({@code items[2].version}).
     */
    public static ModelChange parse(Map<String, ?> body) {
        List<FieldError> errors = new ArrayList<>();
        body.keySet()
            .stream()
            .filter(key -> !FIELDS.contains(key))
            .sorted()
            .forEach(key -> errors.add(new FieldError(key, "is not a field of a model change")));
        String modelId = body.get("model") instanceof String given ? given.trim() : "";
        if (modelId.isEmpty()) {
            errors.add(new FieldError("model", "Model is required, e.g. \"WSJF\""));
        }
        Map<String, Object> shared = object(body.get("inputs"), "inputs", errors);
        List<Item> items = new ArrayList<>();
        if (!(body.get("items") instanceof List<?> list) || list.isEmpty() || list.size() > MAX_ITEMS) {
            errors.add(new FieldError("items", "Select 1 to " + MAX_ITEMS + " issues"));
        }
        else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Item item = item(list.get(i), "items[" + i + "]", errors);
                if (item != null && !seen.add(item.issueKey())) {
                    errors.add(new FieldError("items[" + i + "].issueKey", item.issueKey() + " appears twice"));
                }
                else if (item != null) {
                    items.add(item);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ModelChange(modelId, shared, items);
    }

    private static Item item(Object value, String at, List<FieldError> errors) {
        if (!(value instanceof Map<?, ?> map)) {
            errors.add(new FieldError(at, "must be an object {issueKey, version, inputs}"));
            return null;
        }
        int before = errors.size();
        map.keySet()
            .stream()
            .map(String::valueOf)
            .filter(key -> !ITEM_FIELDS.contains(key))
            .sorted()
            .forEach(key -> errors.add(new FieldError(at + "." + key, "is not a field of a model change item")));
        Object key = map.get("issueKey");
        if (!(key instanceof String issueKey) || !JiraKeys.isIssueKey(issueKey)) {
            errors.add(new FieldError(at + ".issueKey", "must be an issue key such as WEB-12"));
        }
        Object version = map.get("version");
        if (!(version instanceof Integer || version instanceof Long) || ((Number) version).longValue() < 0) {
            errors.add(new FieldError(at + ".version",
                    "Version is required: the version you read, or 0 for an unscored issue"));
        }
        Map<String, Object> inputs = object(map.get("inputs"), at + ".inputs", errors);
        if (errors.size() > before) {
            return null;
        }
        return new Item((String) key, ((Number) version).longValue(), inputs);
    }

    private static Map<String, Object> object(Object value, String field, List<FieldError> errors) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            errors.add(new FieldError(field, "Inputs must be an object of input name to number"));
            return Map.of();
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        map.forEach((k, v) -> inputs.put(String.valueOf(k), v));
        return inputs;
    }
}
