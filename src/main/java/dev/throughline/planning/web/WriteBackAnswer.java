package dev.throughline.planning.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.throughline.planning.PlanProperty;
import dev.throughline.planning.service.PlanWriteBack;

import java.util.List;
import java.util.Map;

/**
 * What a write-back did: the plan's id and time, and per planned issue the property value
 * and its outcome (WRITTEN, NOT_EDITABLE, NOT_FOUND), and the issues it cleared.
 */
public record WriteBackAnswer(String planId, String committedAt, List<Row> issues, List<Cleared> cleared) {

    /**
     * One planned issue; {@code plannedSprint} and {@code plannedSprintId} only for a
     * plan over sprints (left out of a quarter plan's answer).
     */
    public record Row(String key, String plannedQuarter, int planConfidence, String outcome,
            @JsonInclude(Include.NON_NULL) String plannedSprint, @JsonInclude(Include.NON_NULL) Long plannedSprintId) {
    }

    /**
     * An issue a previous write-back set and this one no longer plans: {@code outcome}
     * CLEARED (its {@code throughline.plan} removed), NOT_EDITABLE (left as it was) or
     * NOT_FOUND.
     */
    public record Cleared(String key, String outcome) {
    }

    static WriteBackAnswer of(PlanWriteBack.Result result) {
        return new WriteBackAnswer(result.planId(), result.committedAt().toString(),
                result.outcomes().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(entry -> {
                    PlanProperty property = result.properties().get(entry.getKey());
                    return new Row(entry.getKey(), property.plannedQuarter(), property.planConfidence(),
                            entry.getValue(), property.plannedSprint(), property.plannedSprintId());
                }).toList(),
                result.cleared()
                    .entrySet()
                    .stream()
                    .map(entry -> new Cleared(entry.getKey(), entry.getValue()))
                    .toList());
    }

}
