package dev.throughline.readmodel.service;

import dev.throughline.coordination.SiteRevisions;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.JiraProject;
import dev.throughline.jira.Jql;
import dev.throughline.jira.SearchRequest;
import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.readmodel.MemoryPropertyEventTimes;
import dev.throughline.readmodel.ProjectIssues;
import dev.throughline.readmodel.PropertyEventTimes;
import dev.throughline.readmodel.SyncPlan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Repairs what missed events left wrong: every project held is refreshed by
 * {@code updated} since its last sync (a missed edit, creation or move in), score records
 * changed since the site's last run are searched by their indexed date
 * ({@link PropertyDates}) and Throughline's issue properties are counted against Jira's
 * ({@link PropertyCounts}): writes no event reported, e.g. with Forge; then the issues
 * held are counted against Jira's approximate count of the projects' issues (1 point);
 * only where the totals differ is each project's count compared (one project search for
 * all of them, 1 point per project), and where a project's counts differ its ids are read
 * (no fields) and the issues Jira no longer has there (deleted, or moved out) leave the
 * read model.
 */
public final class Reconciliation {

    /**
     * What one run did, for the site admin; {@code reread}: refined programs whose ids
     * were read again (Jira's count of their JQL differed from the ids held).
     */
    public record Report(Instant ranAt, int projects, int refreshed, int removed, List<String> recounted,
            List<String> reread) {

        public Report {
            recounted = List.copyOf(recounted);
            reread = List.copyOf(reread);
        }

    }

    private final IssueSync sync;

    private final Optional<RefinementSync> refinements;

    /**
     * The site's last run is kept with the property event times, in the shared database,
     * under an issue id Jira never gives: a run on any instance, before a restart too,
     * starts the next run's window.
     */
    private static final long SITE_WIDE = 0;

    private static final String LAST_RUN = "throughline.reconciliation";

    private final Clock clock;

    private final PropertyEventTimes times;

    private final SiteRevisions revisions;

    public Reconciliation(IssueSync sync, Clock clock) {
        this(sync, Optional.empty(), clock);
    }

    /**
     * Also re-reads the ids of refined programs whose JQL can match differently without
     * {@code updated} moving (e.g. {@code sprint in openSprints()}).
     */
    public Reconciliation(IssueSync sync, Optional<RefinementSync> refinements, Clock clock) {
        this(sync, refinements, new MemoryPropertyEventTimes(), clock);
    }

    /** {@code times} keeps the site's last run (the start of the next run's window). */
    public Reconciliation(IssueSync sync, Optional<RefinementSync> refinements, PropertyEventTimes times, Clock clock) {
        this(sync, refinements, times, clock, SiteRevisions.inMemory());
    }

    /**
     * {@code revisions}: each run bumps {@link ProjectIssues#UNHELD_REVISION}, so an
     * answer kept about projects not held (where a missed event, or with Forge a theme
     * link another tool wrote, may have put work) lasts at most until the next run.
     */
    public Reconciliation(IssueSync sync, Optional<RefinementSync> refinements, PropertyEventTimes times, Clock clock,
            SiteRevisions revisions) {
        this.sync = sync;
        this.refinements = refinements;
        this.times = times;
        this.clock = clock;
        this.revisions = revisions;
    }

    /**
     * Starts the site's window of changed score records at the first use of its read
     * model (before the full read that fills it), unless a run or an earlier use started
     * it: the first run then already searches what changed since.
     */
    public void begin(String siteKey) {
        if (times.last(siteKey, SITE_WIDE, LAST_RUN).isEmpty()) {
            times.advance(siteKey, SITE_WIDE, LAST_RUN, clock.instant());
        }
    }

    /** Reconciles every project of the site the read model holds. */
    public Report run(JiraClient client, String siteKey) {
        return run(client, siteKey, sync.store().projects(siteKey));
    }

    public Report run(JiraClient client, String siteKey, List<String> heldProjects) {
        Instant ranAt = clock.instant();
        revisions.bump(siteKey, ProjectIssues.UNHELD_REVISION);
        IssueFactsStore store = sync.store();
        Optional<String> pointsField = client.storyPointsFieldId();
        List<String> held = List.copyOf(store.syncs(siteKey, heldProjects).keySet());
        List<String> reread = refinements.map(r -> r.reconcile(client, siteKey)).orElse(List.of());
        if (held.isEmpty()) {
            return new Report(ranAt, 0, 0, 0, List.of(), reread);
        }
        SyncPlan plan = sync.plan(siteKey, held, pointsField, false, Duration.ZERO);
        int refreshed = sync.refresh(client, siteKey, plan, pointsField) + times.last(siteKey, SITE_WIDE, LAST_RUN)
            .map(since -> PropertyDates.apply(client, store, siteKey, held, sync.minutesSince(since, ranAt)))
            .orElse(0) + PropertyCounts.repair(client, sync, siteKey, held, pointsField);
        int removed = 0;
        List<String> recounted = new ArrayList<>();
        // after the refresh every issue Jira has in these projects is held, so equal
        // totals
        // mean nothing held is gone: 1 point instead of 1 per project
        boolean someGone = client.approximateCount(Jql.projectIn(held)) != heldIssues(siteKey, held);
        Map<String, Long> counts = new HashMap<>();
        if (someGone) {
            client.projectsWithIssueCounts(held)
                .forEach((JiraProject p) -> p.issueCount().ifPresent(n -> counts.put(p.key(), n)));
        }
        for (String project : someGone ? held : List.<String>of()) {
            List<Long> local = store.ids(siteKey, project);
            Long jira = counts.get(project);
            if (jira != null && jira == local.size()) {
                continue;
            }
            recounted.add(project);
            Set<Long> inJira = new HashSet<>();
            client.search(new SearchRequest(Jql.projectIs(project), List.of(), List.of(), 100))
                .map(JiraIssue::id)
                .forEach(id -> inJira.add(Long.valueOf(id)));
            List<Long> gone = local.stream().filter(id -> !inJira.contains(id)).toList();
            store.delete(siteKey, gone);
            removed += gone.size();
        }
        times.advance(siteKey, SITE_WIDE, LAST_RUN, ranAt);
        return new Report(ranAt, held.size(), refreshed, removed, recounted, reread);
    }

    private long heldIssues(String siteKey, List<String> held) {
        return held.stream().mapToLong(project -> sync.store().ids(siteKey, project).size()).sum();
    }

}
