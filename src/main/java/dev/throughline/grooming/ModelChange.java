package dev.throughline.grooming;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
}
