package dev.throughline.planning.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClients;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.PropertyTarget;
import dev.throughline.jira.PropertyValue;
import dev.throughline.planning.PlanInputs;
import dev.throughline.planning.PlanProperty;
import dev.throughline.planning.PlanSnapshot;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.settings.PlanningPermission;
import dev.throughline.tenant.Caller;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a solved plan back to Jira, on request: each planned item the caller may edit
 * gets the issue property {@code throughline.plan} ({@link PlanProperty}); nothing else
 * in Jira changes. Planners only (as for programs); each issue keeps Jira's Edit issues
 * permission, so an item the caller may not edit is reported and left alone.
 */
@Service
public class PlanWriteBack {

    private final PlanningService planning;

    private final PlanningPermission permission;

    private final JiraClients jira;

    private final Clock clock = Clock.systemUTC();

    public PlanWriteBack(PlanningService planning, PlanningPermission permission, JiraClients jira) {
        this.planning = planning;
        this.permission = permission;
        this.jira = jira;
    }

    /** {@code outcomes}: per planned key, WRITTEN, NOT_EDITABLE or NOT_FOUND. */
    public record Result(String planId, Instant committedAt, Map<String, PlanProperty> properties,
            Map<String, String> outcomes) {
    }

    /**
     * Solves the program's plan and writes it; the plan's id is the program's (one
     * written plan per program: a new write replaces the periods it set).
     */
    public Result write(Caller caller, String programId, PlanInputs inputs) {
        List<LocalDate> ends;
        try {
            ends = PlanSnapshot.quarterEnds(inputs.problem().periods());
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException("periods", "The write-back sets plannedQuarter: periods " + e.getMessage());
        }
        permission.requirePlanner(caller);
        PlanningService.Solved solved = planning.solve(caller, programId, inputs);
        Instant now = clock.instant();
        PlanSnapshot snapshot = PlanSnapshot.of(programId, now, solved.problem(), solved.solution(), solved.odds(),
                ends);
        Map<String, PlanProperty> properties = PlanProperty.of(snapshot);
        JiraClient client = jira.forSite(caller.site());
        Map<String, Long> ids = new LinkedHashMap<>();
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (String key : properties.keySet()) {
            client.issue(key, List.of(), List.of())
                .map(JiraIssue::id)
                .ifPresentOrElse(id -> ids.put(key, Long.parseLong(id)), () -> outcomes.put(key, "NOT_FOUND"));
        }
        Set<Long> editable = ids.isEmpty() ? Set.of()
                : client.editableIssues(caller.requireAccountId(), new ArrayList<>(ids.values()));
        ids.forEach((key, id) -> {
            if (editable.contains(id)) {
                client.putProperty(PropertyTarget.issue(key), PlanProperty.KEY,
                        PropertyValue.ofMap(properties.get(key).toMap()));
                outcomes.put(key, "WRITTEN");
            }
            else {
                outcomes.put(key, "NOT_EDITABLE");
            }
        });
        return new Result(programId, now, properties, outcomes);
    }

}
