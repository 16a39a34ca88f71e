package dev.throughline.planning;

import dev.throughline.theme.Quarter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the write-back puts in a planned epic's issue property {@code throughline.plan}
 * (indexed: JQL {@code plannedQuarter = "2027-Q2" AND planConfidence < 70}): the period
 * it is planned to finish in, the odds at commit time in whole percent, and which plan
 * and when. Only planned items of a committed plan get one; nothing else in Jira changes.
 * A sprint plan's item also names its sprint ({@code plannedSprint}, the sprint's name,
 * and {@code plannedSprintId}, Jira's id) and its {@code plannedQuarter} is the quarter
 * the sprint ends in, so quarter searches find sprint plans' work too; a quarter plan's
 * item has no sprint (both null, left out of the value).
 */
public record PlanProperty(String plannedQuarter, int planConfidence, String planId, String committedAt,
        String plannedSprint, Long plannedSprintId) {

    public static final String KEY = "throughline.plan";

    public PlanProperty {
        Objects.requireNonNull(plannedQuarter, "plannedQuarter");
        if (planConfidence < 0 || planConfidence > 100) {
            throw new IllegalArgumentException("planConfidence is a percentage");
        }
        if ((plannedSprint == null) != (plannedSprintId == null)) {
            throw new IllegalArgumentException("a planned sprint has both a name and an id");
        }
    }

    /** A quarter plan's item: no sprint. */
    public PlanProperty(String plannedQuarter, int planConfidence, String planId, String committedAt) {
        this(plannedQuarter, planConfidence, planId, committedAt, null, null);
    }

    /** Each committed item's property of a quarter plan, by issue key. */
    public static Map<String, PlanProperty> of(PlanSnapshot snapshot) {
        Map<String, PlanProperty> properties = new TreeMap<>();
        for (PlanSnapshot.CommittedItem item : snapshot.items()) {
            properties.put(item.key(), new PlanProperty(snapshot.periods().get(item.period()), confidence(item),
                    snapshot.planId(), snapshot.committedAt().toString()));
        }
        return properties;
    }

    /**
     * Each committed item's property of a plan over {@code sprints} (the snapshot's
     * periods), by issue key: its sprint, and the quarter that sprint ends in.
     */
    public static Map<String, PlanProperty> of(PlanSnapshot snapshot, SprintPeriods sprints) {
        Map<String, PlanProperty> properties = new TreeMap<>();
        for (PlanSnapshot.CommittedItem item : snapshot.items()) {
            SprintPeriods.Period sprint = sprints.sprints().get(item.period());
            properties.put(item.key(), new PlanProperty(Quarter.of(sprint.end()).toString(), confidence(item),
                    snapshot.planId(), snapshot.committedAt().toString(), sprint.name(), sprint.id()));
        }
        return properties;
    }

    private static int confidence(PlanSnapshot.CommittedItem item) {
        return (int) Math.round(item.odds() * 100);
    }

    /** The property's JSON value, field by field as the descriptor indexes it. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("plannedQuarter", plannedQuarter);
        map.put("planConfidence", planConfidence);
        map.put("planId", planId);
        map.put("committedAt", committedAt);
        if (plannedSprint != null) {
            map.put("plannedSprint", plannedSprint);
            map.put("plannedSprintId", plannedSprintId);
        }
        return map;
    }

}
