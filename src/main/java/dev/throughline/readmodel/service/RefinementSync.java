package dev.throughline.readmodel.service;

import dev.throughline.jira.JiraBadRequestException;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.Jql;
import dev.throughline.jira.SearchRequest;
import dev.throughline.readmodel.ProgramRefinements;
import dev.throughline.readmodel.ProgramRefinements.Refinement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which of the read model's issues belong to a program with a JQL refinement: the ids the
 * refinement matches, read once in full (ids only, no fields: still 1 point per issue),
 * then kept by what changed. A refresh searches the program's JQL and its projects, each
 * {@code AND updated >= -Nm} (the read model's overlap), ids only: a changed issue the
 * refinement matches joins, a changed issue it does not match leaves. A refinement that
 * can change without {@code updated} moving (e.g. {@code sprint in openSprints()}) is
 * caught by {@link #reconcile}: Jira's approximate count against the ids held, and the
 * ids read again where they differ.
 */
public final class RefinementSync {

    private final ProgramRefinements refinements;

    private final IssueSync sync;

    public RefinementSync(ProgramRefinements refinements, IssueSync sync) {
        this.refinements = refinements;
        this.sync = sync;
    }

    /**
     * The ids of the program's issues its refinement matches, read or refreshed now
     * (inside the lock of the program's projects).
     */
    public Set<Long> matching(JiraClient client, String siteKey, String programId, List<String> projects,
            String refinement) {
        Instant started = sync.clock().instant();
        Refinement now = new Refinement(programId, projects, refinement, started);
        Optional<Refinement> held = refinements.refinement(siteKey, programId)
            .filter(r -> r.sameAs(projects, refinement));
        if (held.isEmpty()) {
            refinements.replace(siteKey, now, ids(client, now.programJql()));
        }
        else {
            Jql changed = sync.updatedSince(held.get().syncedAt(), started);
            // every changed issue first, then those that match: an issue changed between
            // the two searches is judged by its newer state (or by the next refresh)
            Set<Long> leave = ids(client, Jql.projectIn(projects).and(changed));
            Set<Long> match = ids(client, now.programJql().and(changed));
            leave.removeAll(match);
            refinements.update(siteKey, programId, leave, match, started);
        }
        return refinements.ids(siteKey, programId);
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
