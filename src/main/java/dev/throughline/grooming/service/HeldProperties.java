package dev.throughline.grooming.service;

import dev.throughline.jira.PropertyValue;
import dev.throughline.readmodel.IssueFacts;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read model's facts of a backlog's projects, as the two issue properties the
 * backlog's rows are made of ({@code throughline.value}: score, model, version, inputs;
 * {@code throughline.themes}), so a row from the read model is the row a property search
 * gives.
 */
final class HeldProperties {

    private final Map<String, IssueFacts> byId;

    private HeldProperties(Map<String, IssueFacts> byId) {
        this.byId = byId;
    }

    static HeldProperties of(List<IssueFacts> facts) {
        Map<String, IssueFacts> byId = new HashMap<>();
        facts.forEach(f -> byId.put(String.valueOf(f.id()), f));
        return new HeldProperties(byId);
    }

    /**
     * The issue's two properties, when the read model holds the issue with its value's
     * version (a value Throughline saw only as score and model is read from Jira).
     */
    Optional<Map<String, PropertyValue>> properties(String issueId) {
        return Optional.ofNullable(byId.get(issueId))
            .filter(f -> f.valueDetail().isPresent())
            .map(HeldProperties::asProperties);
    }

    /** A parent's theme links, when the read model holds it. */
    Optional<List<String>> themes(String issueId) {
        return Optional.ofNullable(byId.get(issueId)).map(IssueFacts::themeIds);
    }

    private static Map<String, PropertyValue> asProperties(IssueFacts facts) {
        Map<String, PropertyValue> properties = new HashMap<>();
        IssueFacts.ValueDetail detail = facts.valueDetail().orElseThrow();
        if (facts.valueScore().isPresent() || facts.valueModel().isPresent() || detail.version() != 0
                || !detail.inputs().isEmpty()) {
            Map<String, Object> value = new LinkedHashMap<>();
            facts.valueScore().ifPresent(score -> value.put("score", score));
            facts.valueModel().ifPresent(model -> value.put("model", model));
            value.put("version", detail.version());
            value.put("inputs", Map.<String, BigDecimal>copyOf(detail.inputs()));
            properties.put(BacklogReader.VALUE_PROPERTY, PropertyValue.ofMap(value));
        }
        if (!facts.themeIds().isEmpty()) {
            properties.put(BacklogReader.THEMES_PROPERTY, PropertyValue.ofMap(Map.of("themeIds", facts.themeIds())));
        }
        return properties;
    }

}
