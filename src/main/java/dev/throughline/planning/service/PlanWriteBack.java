package dev.throughline.planning.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClients;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.PropertyTarget;
import dev.throughline.jira.PropertyValue;
import dev.throughline.planning.PlanInputs;
import dev.throughline.planning.PlanProperty;
import dev.throughline.planning.PlanSnapshot;
import dev.throughline.planning.ProgramInputs;
import dev.throughline.planning.SprintPeriods;
import dev.throughline.planning.StoredPlan;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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

    /**
     * {@code outcomes}: per planned key, WRITTEN, NOT_EDITABLE or NOT_FOUND;
     * {@code cleared}: per key a previous write-back of this plan set and this one no
     * longer plans, CLEARED, NOT_EDITABLE (left as it was, retried next time) or
     * NOT_FOUND.
     */
    public record Result(String planId, Instant committedAt, Map<String, PlanProperty> properties,
            Map<String, String> outcomes, Map<String, String> cleared) {
    }

    /**
     * The app property remembering which issues this program's write-back set, so the
     * next one can clear those it no longer plans.
     */
    static final String WRITTEN = "throughline.plan.written.";

    /**
     * Solves the program's plan and writes it; the plan's id is the program's (one
     * written plan per program: a new write replaces the periods it set). A request
     * body's periods must be quarters (it names no board to read sprints from).
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
        return write(caller, programId, now, PlanProperty.of(snapshot));
    }

    /**
     * Solves a stored plan and writes it (its program's one written plan): over quarters
     * as a request body's, over sprints each item's sprint and the quarter it ends in.
     */
    public Result write(Caller caller, StoredPlan plan) {
        permission.requirePlanner(caller);
        PlanningService.Solved solved = planning.solve(caller, plan);
        Instant now = clock.instant();
        Optional<SprintPeriods> sprints = solved.read().flatMap(ProgramInputs::sprints);
        PlanSnapshot snapshot = PlanSnapshot.of(plan.programId(), now, solved.problem(), solved.solution(),
                solved.odds(), PlanCommits.periodEnds(solved));
        return write(caller, plan.programId(), now,
                sprints.map(s -> PlanProperty.of(snapshot, s)).orElseGet(() -> PlanProperty.of(snapshot)));
    }

    private Result write(Caller caller, String programId, Instant now, Map<String, PlanProperty> properties) {
        JiraClient client = jira.forSite(caller.site());
        Map<String, Long> ids = new LinkedHashMap<>();
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (String key : properties.keySet()) {
            client.issue(key, List.of(), List.of())
                .map(JiraIssue::id)
                .ifPresentOrElse(id -> ids.put(key, Long.parseLong(id)), () -> outcomes.put(key, "NOT_FOUND"));
        }
        List<String> before = written(client, programId);
        Map<String, Long> stale = new LinkedHashMap<>();
        Map<String, String> cleared = new TreeMap<>();
        before.stream().filter(key -> !properties.containsKey(key)).forEach(key -> {
            client.issue(key, List.of(), List.of())
                .map(JiraIssue::id)
                .ifPresentOrElse(id -> stale.put(key, Long.parseLong(id)), () -> cleared.put(key, "NOT_FOUND"));
        });
        List<Long> asked = new ArrayList<>(ids.values());
        asked.addAll(stale.values());
        Set<Long> editable = asked.isEmpty() ? Set.of() : client.editableIssues(caller.requireAccountId(), asked);
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
        stale.forEach((key, id) -> {
            if (editable.contains(id)) {
                client.deleteProperty(PropertyTarget.issue(key), PlanProperty.KEY);
                cleared.put(key, "CLEARED");
            }
            else {
                cleared.put(key, "NOT_EDITABLE");
            }
        });
        Set<String> nowWritten = new TreeSet<>(before);
        nowWritten.removeIf(key -> !"NOT_EDITABLE".equals(cleared.getOrDefault(key, "NOT_EDITABLE")));
        outcomes.forEach((key, outcome) -> {
            if (outcome.equals("WRITTEN")) {
                nowWritten.add(key);
            }
        });
        client.putProperty(PropertyTarget.app(), WRITTEN + programId,
                PropertyValue.ofMap(Map.of("keys", List.copyOf(nowWritten))));
        return new Result(programId, now, properties, outcomes, cleared);
    }

    /** The issues a previous write-back of this program's plan set (none at first). */
    private static List<String> written(JiraClient client, String programId) {
        return client.getProperty(PropertyTarget.app(), WRITTEN + programId)
            .map(PropertyValue::asMap)
            .map(map -> map.get("keys"))
            .filter(List.class::isInstance)
            .map(keys -> ((List<?>) keys).stream().map(String::valueOf).toList())
            .orElse(List.of());
    }

}
