package dev.throughline.planning;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the write-back puts in a planned epic's issue property {@code throughline.plan}
 * (indexed: JQL {@code plannedQuarter = "2027-Q2" AND planConfidence < 70}): the period
 * it is planned to finish in, the odds at commit time in whole percent, and which plan
 * and when. Only planned items of a committed plan get one; nothing else in Jira changes.
 */
public record PlanProperty(String plannedQuarter, int planConfidence, String planId, String committedAt) {

    public static final String KEY = "throughline.plan";

    public PlanProperty {
        Objects.requireNonNull(plannedQuarter, "plannedQuarter");
        if (planConfidence < 0 || planConfidence > 100) {
            throw new IllegalArgumentException("planConfidence is a percentage");
        }
    }

    /** Each committed item's property, by issue key. */
    public static Map<String, PlanProperty> of(PlanSnapshot snapshot) {
        Map<String, PlanProperty> properties = new TreeMap<>();
        for (PlanSnapshot.CommittedItem item : snapshot.items()) {
            properties.put(item.key(), new PlanProperty(snapshot.periods().get(item.period()),
                    (int) Math.round(item.odds() * 100), snapshot.planId(), snapshot.committedAt().toString()));
        }
        return properties;
    }

    /** The property's JSON value, field by field as the descriptor indexes it. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("plannedQuarter", plannedQuarter);
        map.put("planConfidence", planConfidence);
        map.put("planId", planId);
        map.put("committedAt", committedAt);
        return map;
    }

}
