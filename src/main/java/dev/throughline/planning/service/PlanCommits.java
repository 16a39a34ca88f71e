package dev.throughline.planning.service;

import dev.throughline.coordination.KeyedLocks;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClients;
import dev.throughline.planning.PlanSnapshot;
import dev.throughline.planning.Predictability;
import dev.throughline.planning.ProgramInputs;
import dev.throughline.planning.SprintPeriods;
import dev.throughline.planning.StoredPlan;
import dev.throughline.planning.store.SnapshotJiraStore;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.program.ProgramDefinition;
import dev.throughline.program.service.ProgramService;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.ProjectIssues;
import dev.throughline.settings.PlanningPermission;
import dev.throughline.tenant.Caller;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Committing a stored plan (planners only) freezes its solution of today as a
 * {@link PlanSnapshot}; the history reports, for every snapshot, committed versus
 * delivered per ended period. An item's done date comes from the read model's facts of
 * the program's projects (Jira's done status category and resolution date), never from
 * another feature's store.
 */
@Service
public class PlanCommits {

    private final StoredPlans plans;

    private final PlanningService planning;

    private final PlanningPermission permission;

    private final ProgramService programs;

    private final ProjectIssues issues;

    private final JiraClients jira;

    private final SnapshotJiraStore store;

    private final KeyedLocks locks;

    private final Clock clock;

    public PlanCommits(StoredPlans plans, PlanningService planning, PlanningPermission permission,
            ProgramService programs, ProjectIssues issues, JiraClients jira, SnapshotJiraStore store, KeyedLocks locks,
            Clock clock) {
        this.plans = plans;
        this.planning = planning;
        this.permission = permission;
        this.programs = programs;
        this.issues = issues;
        this.jira = jira;
        this.store = store;
        this.locks = locks;
        this.clock = clock;
    }

    /**
     * One snapshot with its committed-versus-delivered rows of the periods ended, as the
     * viewer may see it: {@code hiddenItems} committed items of teams (projects) the
     * viewer may not browse are counted, never named, and left out of the rows.
     */
    public record History(PlanSnapshot snapshot, List<Predictability.Row> rows, int hiddenItems) {
    }

    /**
     * Solves the saved plan and keeps it as a snapshot (the oldest beyond 20 dropped).
     */
    public PlanSnapshot commit(Caller caller, String programId, String planId) {
        StoredPlan stored = plans.get(caller, programId, planId);
        permission.requirePlanner(caller);
        PlanningService.Solved solved = planning.solve(caller, stored);
        PlanSnapshot snapshot = PlanSnapshot.of(planId, clock.instant(), solved.problem(), solved.solution(),
                solved.odds(), periodEnds(solved));
        JiraClient client = jira.forSite(caller.site());
        try {
            locks.withLock(caller.site().clientKey(), SnapshotJiraStore.lock(planId), () -> {
                // the plan may have been deleted while it was solved: no snapshot of no
                // plan
                plans.get(caller, programId, planId);
                store.add(client, snapshot);
            });
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException("plan", e.getMessage());
        }
        return snapshot;
    }

    /**
     * A solved stored plan's periods' last days: its sprints' end dates, or its
     * quarters'.
     */
    static List<LocalDate> periodEnds(PlanningService.Solved solved) {
        return solved.read()
            .flatMap(ProgramInputs::sprints)
            .map(SprintPeriods::ends)
            .orElseGet(() -> PlanSnapshot.quarterEnds(solved.problem().periods()));
    }

    /** Every snapshot of the plan, oldest first, with its report as of today. */
    public List<History> history(Caller caller, String programId, String planId) {
        plans.get(caller, programId, planId);
        ProgramDefinition program = programs.get(caller, programId);
        JiraClient client = jira.forSite(caller.site());
        List<PlanSnapshot> snapshots = store.all(client, planId);
        if (snapshots.isEmpty()) {
            return List.of();
        }
        Set<String> committed = snapshots.stream()
            .flatMap(s -> s.items().stream())
            .map(PlanSnapshot.CommittedItem::key)
            .collect(Collectors.toSet());
        Map<String, LocalDate> resolvedOn = new HashMap<>();
        for (IssueFacts facts : issues.of(client, caller.site().clientKey(), program.projects())) {
            if (committed.contains(facts.key()) && "done".equals(facts.statusCategory())) {
                facts.resolved().ifPresent(day -> resolvedOn.put(facts.key(), day));
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Set<String> visible = visibleTeams(client, caller, snapshots);
        return snapshots.stream().map(s -> {
            PlanSnapshot seen = new PlanSnapshot(s.planId(), s.committedAt(), s.periods(), s.periodEnds(),
                    s.items().stream().filter(i -> visible.contains(i.teamId())).toList());
            return new History(seen, Predictability.report(seen, resolvedOn, today),
                    s.items().size() - seen.items().size());
        }).toList();
    }

    /** The snapshots' teams (projects) the viewer may browse. */
    private static Set<String> visibleTeams(JiraClient client, Caller caller, List<PlanSnapshot> snapshots) {
        Set<String> teams = snapshots.stream()
            .flatMap(s -> s.items().stream())
            .map(PlanSnapshot.CommittedItem::teamId)
            .collect(Collectors.toSet());
        if (teams.isEmpty()) {
            return Set.of();
        }
        Map<Long, String> byId = new HashMap<>();
        client.projects(teams).filter(p -> teams.contains(p.key())).forEach(p -> byId.put(p.id(), p.key()));
        if (byId.isEmpty()) {
            return Set.of();
        }
        return client.browsableProjects(caller.requireAccountId(), byId.keySet())
            .stream()
            .map(byId::get)
            .collect(Collectors.toSet());
    }

}
