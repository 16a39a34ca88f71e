package dev.throughline.planning.service;

import dev.throughline.coordination.KeyedLocks;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClients;
import dev.throughline.jira.JiraException;
import dev.throughline.jira.PropertyValue;
import dev.throughline.planning.PlanSummary;
import dev.throughline.planning.StoredPlan;
import dev.throughline.planning.StoredPlanChecks;
import dev.throughline.planning.StoredPlanCodec;
import dev.throughline.planning.store.PlanJiraStore;
import dev.throughline.planning.store.SnapshotJiraStore;
import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.problems.NotFoundException;
import dev.throughline.problems.StaleVersionException;
import dev.throughline.program.service.ProgramService;
import dev.throughline.settings.PlanningPermission;
import dev.throughline.tenant.Caller;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A program's stored plans: anyone who may read the program reads them; planners
 * ({@link PlanningPermission}) create, change and delete them. Saves of a site's plans
 * are serialised ({@link KeyedLocks}) because they rewrite a shared index; a save
 * carrying another version than the stored one is refused (409).
 */
@Service
public class StoredPlans {

    /** Room under Jira's 32 KB for one property. */
    static final int MAX_BYTES = 30_000;

    private static final String LOCK = "plans";

    private final JiraClients jira;

    private final PlanJiraStore store;

    private final ProgramService programs;

    private final PlanningPermission planning;

    private final KeyedLocks locks;

    private final SnapshotJiraStore snapshots;

    private final Clock clock;

    private final PlanningService inputs;

    private final SecureRandom random = new SecureRandom();

    public StoredPlans(JiraClients jira, PlanJiraStore store, ProgramService programs, PlanningPermission planning,
            KeyedLocks locks, Clock clock, SnapshotJiraStore snapshots, PlanningService inputs) {
        this.inputs = inputs;
        this.snapshots = snapshots;
        this.clock = clock;
        this.jira = jira;
        this.store = store;
        this.programs = programs;
        this.planning = planning;
        this.locks = locks;
    }

    public List<PlanSummary> list(Caller caller, String programId) {
        programs.get(caller, programId);
        return store.all(jira.forSite(caller.site())).stream().filter(p -> p.programId().equals(programId)).toList();
    }

    public StoredPlan get(Caller caller, String programId, String planId) {
        programs.get(caller, programId);
        return read(jira.forSite(caller.site()), programId, planId);
    }

    /** Stores a new plan (its id, program and version are set here). */
    public StoredPlan create(Caller caller, String programId, StoredPlan draft) {
        programs.get(caller, programId);
        planning.requirePlanner(caller);
        refuseNewOverridesOutsideTheHorizon(caller, programId, null, draft);
        refuseBoardsNotSeen(caller, programId, null, draft);
        JiraClient client = jira.forSite(caller.site());
        return locks.withLock(caller.site().clientKey(), LOCK, () -> {
            List<PlanSummary> all = new ArrayList<>(store.all(client));
            StoredPlan created = new StoredPlan(unusedId(all), programId, draft.name(), draft.quarters(),
                    draft.discount(), draft.threshold(), draft.capacity(), draft.commitments(), draft.exclusions(),
                    draft.scenarios(), 1, draft.model(), draft.conversions(), draft.boards(), draft.sprints());
            all.add(created.summary());
            store.save(client, fits(created), all);
            return created;
        });
    }

    /** Saves {@code update} over the stored plan; {@code version} is the one read. */
    public StoredPlan update(Caller caller, String programId, String planId, StoredPlan update, long version) {
        programs.get(caller, programId);
        planning.requirePlanner(caller);
        JiraClient client = jira.forSite(caller.site());
        return locks.withLock(caller.site().clientKey(), LOCK, () -> {
            StoredPlan current = read(client, programId, planId);
            if (current.version() != version) {
                throw StaleVersionException.of("The plan \"" + current.name() + "\"", version, current.version(),
                        current);
            }
            refuseNewOverridesOutsideTheHorizon(caller, programId, current, update);
            refuseBoardsNotSeen(caller, programId, current, update);
            StoredPlan saved = current.savedAs(update);
            List<PlanSummary> all = store.all(client)
                .stream()
                .map(p -> p.id().equals(planId) ? saved.summary() : p)
                .toList();
            store.save(client, fits(saved), all);
            return saved;
        });
    }

    /**
     * Deletes the plan with its commit snapshots: the snapshots first, the plan last, so
     * a deletion Jira stops half way leaves the plan to delete again (answered, never
     * thrown: what was and was not deleted).
     */
    public PlanDeletion delete(Caller caller, String programId, String planId) {
        programs.get(caller, programId);
        planning.requirePlanner(caller);
        JiraClient client = jira.forSite(caller.site());
        return locks.withLock(caller.site().clientKey(), List.of(LOCK, SnapshotJiraStore.lock(planId)), () -> {
            read(client, programId, planId);
            List<String> snapshotKeys = snapshots.keys(client, planId);
            List<String> left = new ArrayList<>(snapshotKeys);
            left.add(store.key(planId));
            List<String> deleted = new ArrayList<>();
            try {
                for (String key : snapshotKeys) {
                    snapshots.delete(client, key);
                    deleted.add(left.remove(0));
                }
                store.delete(client, planId, store.all(client).stream().filter(p -> !p.id().equals(planId)).toList());
                deleted.add(left.remove(0));
                return new PlanDeletion(deleted, List.of(), Optional.empty());
            }
            catch (JiraException e) {
                String reason = e.errorMessages().isEmpty() ? e.getMessage() : String.join("; ", e.errorMessages());
                return new PlanDeletion(deleted, left, Optional.of(reason));
            }
        });
    }

    private StoredPlan read(JiraClient client, String programId, String planId) {
        if (planId == null || !planId.matches("[a-z0-9]{1,32}")) {
            throw new NotFoundException("There is no plan " + planId + ".");
        }
        return store.plan(client, planId)
            .filter(p -> p.programId().equals(programId))
            .orElseThrow(() -> new NotFoundException("There is no plan " + planId + " in this program."));
    }

    /**
     * A commitment or capacity override written now must name a quarter (or sprint) of
     * the plan's horizon as of today (a sprint horizon must hold: {@link SprintHorizons})
     * (400 naming it, e.g. {@code commitments.WEB-1}, and the rule); those already stored
     * pass unchanged and are reported when solved.
     */
    private void refuseNewOverridesOutsideTheHorizon(Caller caller, String programId, StoredPlan stored,
            StoredPlan draft) {
        List<String> horizon = inputs.horizon(caller, programId, draft);
        List<FieldError> errors = StoredPlanChecks.atWrite(stored, draft, horizon)
            .stream()
            .map(n -> new FieldError(n.path(), n.message() + " (" + n.rule() + ")"))
            .toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * Boards new in this write must exist and show one of the program's projects the
     * writer may browse (400 on {@code boards}, as {@code GET …/inputs?boards=}); boards
     * already stored pass, so a plan stays savable when a board is later removed.
     */
    private void refuseBoardsNotSeen(Caller caller, String programId, StoredPlan stored, StoredPlan draft) {
        List<Long> added = draft.boards().stream().filter(b -> stored == null || !stored.boards().contains(b)).toList();
        if (!added.isEmpty()) {
            inputs.inputs(caller, programId, 1, Optional.empty(), Map.of(), added, Optional.empty());
        }
    }

    private static StoredPlan fits(StoredPlan plan) {
        int bytes = PropertyValue.ofMap(StoredPlanCodec.toMap(plan)).json().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new InvalidInputException("plan", "The plan is too large to store (" + bytes + " bytes, at most "
                    + MAX_BYTES + "): fewer overrides or scenarios.");
        }
        return plan;
    }

    private String unusedId(List<PlanSummary> all) {
        String id = Long.toString(random.nextLong() & Long.MAX_VALUE, Character.MAX_RADIX);
        return all.stream().anyMatch(p -> p.id().equals(id)) ? unusedId(all) : id;
    }

}
