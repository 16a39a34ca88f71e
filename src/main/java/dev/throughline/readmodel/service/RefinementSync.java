package dev.throughline.readmodel.service;

import dev.throughline.jira.JiraBadRequestException;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.Jql;
import dev.throughline.jira.SearchRequest;
import dev.throughline.readmodel.ProgramRefinements;
import dev.throughline.readmodel.ProgramRefinements.Refinement;
import dev.throughline.readmodel.ProjectSync;
import dev.throughline.readmodel.SyncPlan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which of the read model's issues belong to a program with a JQL refinement: the ids the
 * refinement matches, read once in full (ids only, no fields: still 1 point per issue),
 * then kept by what changed. A refresh reads, with their facts, the changed issues
 * ({@code AND updated >= -Nm}, the read model's overlap) the program's JQL matches, then
 * the other changed issues of its projects: a changed issue the refinement matches joins,
 * any other changed issue leaves, and the projects' facts are refreshed by the same two
 * searches (k + about 2 points for k changed issues). A refinement that can change
 * without {@code updated} moving (e.g. {@code sprint in openSprints()}) is caught by
 * {@link #reconcile}: Jira's approximate count against the ids held, and the ids read
 * again where they differ.
 */
public final class RefinementSync {

    /**
     * The most ids the second search excludes by id: past this the JQL grows long, and
     * the second search reads the matching changed issues again instead (k + matches).
     */
    static final int MAX_EXCLUDED = 1000;

    private final ProgramRefinements refinements;

    private final IssueSync sync;

    public RefinementSync(ProgramRefinements refinements, IssueSync sync) {
        this.refinements = refinements;
        this.sync = sync;
    }

    /**
     * Refreshes the program's projects as {@code plan} says and answers the ids of its
     * issues the refinement matches, read or refreshed now (inside the lock of the
     * program's projects). Held ids are refreshed by the same two searches that refresh
     * the projects' facts: first the changed issues the refinement matches, then the
     * other changed issues of the projects (by id, never by {@code NOT (refinement)}: an
     * issue whose field is empty matches neither a condition nor its negation). Each
     * changed issue is read once, with its facts.
     */
    public Set<Long> matching(JiraClient client, String siteKey, String programId, List<String> projects,
            String refinement, SyncPlan plan, Optional<String> pointsField) {
        Instant started = sync.clock().instant();
        Refinement now = new Refinement(programId, projects, refinement, started);
        Optional<Refinement> held = refinements.refinement(siteKey, programId)
            .filter(r -> r.sameAs(projects, refinement));
        if (held.isEmpty()) {
            sync.refresh(client, siteKey, plan, pointsField);
            refinements.replace(siteKey, now, ids(client, now.programJql()));
            eventsDuringRead(siteKey, programId, started);
            return refinements.ids(siteKey, programId);
        }
        if (keptByEvents(siteKey, held.get(), plan.withoutDirty())) {
            // the ids were judged from the events' fields; issues an event named without
            // all their facts (Forge's carry a few) are only read again by key
            sync.refresh(client, siteKey, plan.dirtyOnly(), pointsField);
            return refinements.ids(siteKey, programId); // no Jira call when none is dirty
        }
        // the window's projects are refreshed from the oldest of their syncs and the ids'
        Instant since = plan.since()
            .filter(s -> !plan.window().isEmpty() && s.isBefore(held.get().syncedAt()))
            .orElse(held.get().syncedAt());
        Jql changed = sync.updatedSince(since, started);
        // an issue changed between the two searches is judged by the state each read (or
        // by the next refresh, as its update is after this sync's start)
        Set<Long> match = sync.readChanged(client, siteKey, now.programJql().and(changed), pointsField, projects);
        Jql others = Jql.projectIn(projects).and(changed);
        Set<Long> leave;
        try {
            leave = new HashSet<>(sync.readChanged(client, siteKey,
                    match.isEmpty() || match.size() > MAX_EXCLUDED ? others : others.and(Jql.idNotIn(match)),
                    pointsField, projects));
        }
        catch (JiraBadRequestException gone) {
            // a matching issue was deleted between the two searches: Jira refuses its id
            leave = new HashSet<>(sync.readChanged(client, siteKey, others, pointsField, projects));
        }
        leave.removeAll(match);
        sync.synced(siteKey, plan.window(), started, pointsField);
        sync.refresh(client, siteKey, plan.dirtyOnly(), pointsField);
        refinements.update(siteKey, programId, leave, match, started);
        eventsDuringRead(siteKey, programId, started);
        return refinements.ids(siteKey, programId);
    }

    /**
     * True when the ids held are as fresh as the projects' facts, so the view needs no
     * search: the projects are held and need no read ({@link SyncPlan#nothingToRead}),
     * none was refreshed after the ids (by another view, whose changes the ids did not
     * see), and every issue event of the program's projects since was judged from its
     * fields ({@link RefinementEvents}).
     */
    private boolean keptByEvents(String siteKey, Refinement held, SyncPlan plan) {
        if (!plan.nothingToRead()) {
            return false;
        }
        Map<String, ProjectSync> syncs = sync.store().syncs(siteKey, held.projects());
        boolean projectsHeldNotNewer = syncs.keySet().containsAll(held.projects())
                && syncs.values().stream().noneMatch(p -> p.syncedAt().isAfter(held.syncedAt()));
        return projectsHeldNotNewer && refinements.marks(siteKey, held.programId())
            .undecided()
            .filter(at -> !at.isBefore(held.syncedAt()))
            .isEmpty();
    }

    /**
     * An event judged while the ids were read may have been overwritten by the read's
     * older answer: the next view searches what changed since this read began.
     */
    private void eventsDuringRead(String siteKey, String programId, Instant started) {
        if (refinements.marks(siteKey, programId).decided().filter(at -> !at.isBefore(started)).isPresent()) {
            refinements.undecided(siteKey, programId, sync.clock().instant());
        }
    }

    /**
     * The program was deleted or is no longer refined: its ids go (else the
     * reconciliation would keep counting them).
     */
    public void forget(String siteKey, String programId) {
        if (refinements.refinement(siteKey, programId).isPresent()) {
            refinements.forget(siteKey, programId);
        }
    }

    /**
     * Reads again the ids of every refinement of the site whose count Jira gives differs
     * from the ids held.
     * @return the programs read again
     */
    public List<String> reconcile(JiraClient client, String siteKey) {
        List<String> reread = new ArrayList<>();
        for (Refinement held : refinements.refinements(siteKey)) {
            long count;
            try {
                count = client.approximateCount(held.programJql());
            }
            catch (JiraBadRequestException refused) {
                // Jira no longer reads this JQL (a field or version gone): the program's
                // next view reports it; the other programs are still reconciled
                continue;
            }
            if (count != refinements.ids(siteKey, held.programId()).size()) {
                Refinement now = new Refinement(held.programId(), held.projects(), held.refinement(),
                        sync.clock().instant());
                refinements.replace(siteKey, now, ids(client, now.programJql()));
                eventsDuringRead(siteKey, held.programId(), now.syncedAt());
                reread.add(held.programId());
            }
        }
        return reread;
    }

    private static Set<Long> ids(JiraClient client, Jql jql) {
        Set<Long> ids = new HashSet<>();
        client.search(new SearchRequest(jql, List.of(), List.of(), 100))
            .map(JiraIssue::id)
            .forEach(id -> ids.add(Long.valueOf(id)));
        return ids;
    }

}
