package dev.throughline.readmodel.service;

import dev.throughline.coordination.KeyedLocks;
import dev.throughline.jira.JiraBadRequestException;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.Jql;
import dev.throughline.jira.SearchRequest;
import dev.throughline.problems.BusyException;
import dev.throughline.readmodel.FactsOf;
import dev.throughline.readmodel.FoldRevisions;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.readmodel.IssueFactsStore.Dirty;
import dev.throughline.readmodel.ProjectSync;
import dev.throughline.readmodel.SyncPlan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps the read model of some projects fresh: plans what a view must read, refreshes by
 * {@code updated} (with an overlap for clock skew and Jira's index lag) and re-reads the
 * issues events named without their facts. A full read is the caller's (it folds the
 * pages as they come) and hands its facts to {@link #ingest}, which writes them on a
 * thread of its own ({@link FullReadWriter}).
 */
public final class IssueSync {

    static final int KEYS_PER_SEARCH = 100;

    private final IssueFactsStore store;

    private final Clock clock;

    private final Duration overlap;

    private final FullReadWriter writer;

    private volatile KeyedLocks locks;

    public IssueSync(IssueFactsStore store, Clock clock, Duration overlap) {
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("throughline.readmodel.overlap must be >= 0, was " + overlap);
        }
        this.store = store;
        this.clock = clock;
        this.overlap = overlap;
        this.writer = new FullReadWriter(store);
    }

    public IssueFactsStore store() {
        return store;
    }

    /** Refreshes of the same projects through several app instances take turns. */
    public void useLocks(KeyedLocks keyedLocks) {
        this.locks = keyedLocks;
    }

    /**
     * @param refresh the viewer asked to read Jira again: every project held is refreshed
     * by what changed since its last sync (and the issues events left dirty), not read in
     * full (what that would cost grows with the program, not with what changed); a
     * project the read model does not hold is read in full in any case
     * @param maxAge a sync older than this is refreshed by the view
     */
    public SyncPlan plan(String siteKey, Collection<String> projects, Optional<String> pointsField, boolean refresh,
            Duration maxAge) {
        Map<String, ProjectSync> syncs = store.syncs(siteKey, projects);
        Instant now = clock.instant();
        List<String> cold = new ArrayList<>();
        List<String> window = new ArrayList<>();
        for (String project : projects) {
            ProjectSync sync = syncs.get(project);
            if (sync == null || !sync.pointsField().equals(pointsField.orElse(""))) {
                cold.add(project);
            }
            else if (refresh || sync.stale() || !sync.syncedAt().plus(maxAge).isAfter(now)) {
                window.add(project);
            }
        }
        Optional<Instant> since = window.stream().map(p -> syncs.get(p).syncedAt()).min(Comparator.naturalOrder());
        List<String> warm = projects.stream().filter(p -> !cold.contains(p)).toList();
        return new SyncPlan(cold, window, since, warm.isEmpty() ? List.of() : store.dirty(siteKey, warm));
    }

    /**
     * Runs {@code action} while no other instance refreshes any of these projects: it
     * waits for a running refresh (which may read a large project for a while) rather
     * than failing. Pages of a full read still queued are written before the projects are
     * let go, even when the action failed, so no write of this read lands after another
     * instance's.
     */
    public <T> T exclusive(String siteKey, Collection<String> projects, Supplier<T> action) {
        Supplier<T> written = () -> {
            try {
                return action.get();
            }
            finally {
                writer.await(siteKey, projects);
            }
        };
        KeyedLocks held = locks;
        if (held == null) {
            return written.get();
        }
        List<String> keys = projects.stream().map(p -> "issues:" + p).toList();
        Instant giveUp = clock.instant().plus(Duration.ofMinutes(10));
        while (true) {
            try {
                return held.withLock(siteKey, keys, written);
            }
            catch (BusyException busy) {
                if (clock.instant().isAfter(giveUp)) {
                    throw busy;
                }
            }
        }
    }

    /** Before a full read: the projects' old facts go, so a deleted issue cannot stay. */
    public void startFullRead(String siteKey, Collection<String> projects) {
        writer.await(siteKey, projects);
        store.forget(siteKey, projects);
        writer.open(siteKey, projects);
    }

    /**
     * A page of a full read: queued for writing (this waits only while many pages are
     * queued).
     * @throws RuntimeException an earlier page of the same full read could not be
     * written: the read fails
     */
    public void ingest(String siteKey, Collection<IssueFacts> facts) {
        writer.write(siteKey, facts);
    }

    /**
     * The projects were read in full, as of {@code startedAt}: recorded once every page
     * is written.
     * @return how much the read's own pages bumped the projects' revisions
     * @throws RuntimeException a page could not be written: the projects stay unread
     */
    public FoldRevisions fullyRead(String siteKey, Collection<String> projects, Instant startedAt,
            Optional<String> pointsField) {
        Optional<RuntimeException> failed = writer.await(siteKey, projects);
        if (failed.isPresent()) {
            throw failed.get();
        }
        store.synced(siteKey, projects, startedAt, pointsField.orElse(""));
        return writer.written(siteKey, projects);
    }

    /**
     * Reads the projects in full from Jira into the read model (for a reader that does
     * not fold the pages itself).
     */
    public void readInFull(JiraClient client, String siteKey, List<String> projects, Optional<String> pointsField) {
        Instant started = clock.instant();
        startFullRead(siteKey, projects);
        apply(client,
                new SearchRequest(Jql.projectIn(projects), FactsOf.fields(pointsField), FactsOf.properties(), 100),
                pointsField, batch -> store.insertNew(siteKey, batch));
        fullyRead(siteKey, projects, started, pointsField);
    }

    /**
     * Reads what the plan's window and dirty issues need and applies it.
     * @return how many issues Jira returned
     */
    public int refresh(JiraClient client, String siteKey, SyncPlan plan, Optional<String> pointsField) {
        Instant started = clock.instant();
        int read = 0;
        List<String> fields = FactsOf.fields(pointsField);
        if (!plan.window().isEmpty()) {
            Jql jql = Jql.projectIn(plan.window()).and(updatedSince(plan.since().orElse(started), started));
            read += apply(client, new SearchRequest(jql, fields, FactsOf.properties(), 100), pointsField,
                    batch -> store.upsert(siteKey, batch));
            store.synced(siteKey, plan.window(), started, pointsField.orElse(""));
        }
        List<Dirty> dirty = plan.dirty();
        for (int from = 0; from < dirty.size(); from += KEYS_PER_SEARCH) {
            List<Dirty> chunk = dirty.subList(from, Math.min(dirty.size(), from + KEYS_PER_SEARCH));
            Set<String> found = new HashSet<>();
            List<IssueFacts> facts = byKeys(client, chunk, fields, pointsField);
            facts.forEach(f -> found.add(f.key()));
            store.upsert(siteKey, facts);
            read += facts.size();
            // named by an event and no longer found by its key: deleted in Jira (unless
            // the id held is another issue's: the event named an id Jira never paired
            // with that key)
            store.delete(siteKey,
                    chunk.stream()
                        .filter(d -> !found.contains(d.key()))
                        .filter(d -> store.byId(siteKey, d.id()).map(f -> f.key().equals(d.key())).orElse(false))
                        .map(Dirty::id)
                        .toList());
            store.clearDirty(siteKey, chunk.stream().map(Dirty::id).toList());
        }
        return read;
    }

    /** The projects were refreshed by the caller's own searches, as of {@code at}. */
    void synced(String siteKey, Collection<String> projects, Instant at, Optional<String> pointsField) {
        if (!projects.isEmpty()) {
            store.synced(siteKey, projects, at, pointsField.orElse(""));
        }
    }

    /**
     * Reads the facts of the issues {@code jql} finds (fields and properties, as a
     * refresh does) into the read model, those of projects it holds only.
     * @return the ids of every issue found
     */
    Set<Long> readChanged(JiraClient client, String siteKey, Jql jql, Optional<String> pointsField,
            Collection<String> projects) {
        Set<String> held = store.syncs(siteKey, projects).keySet();
        Set<Long> ids = new HashSet<>();
        apply(client, new SearchRequest(jql, FactsOf.fields(pointsField), FactsOf.properties(), 100), pointsField,
                batch -> {
                    batch.forEach(f -> ids.add(f.id()));
                    store.upsert(siteKey, batch.stream().filter(f -> held.contains(f.projectKey())).toList());
                });
        return ids;
    }

    /**
     * Issues updated since {@code since} (less the overlap, for clock skew and Jira's
     * index lag), relative to Jira's own clock.
     */
    Jql updatedSince(Instant since, Instant now) {
        return Jql.updatedInLastMinutes(minutesSince(since, now));
    }

    /** The whole minutes from {@code since}, less the overlap, to {@code now}. */
    long minutesSince(Instant since, Instant now) {
        return Math.max(1, (Duration.between(since, now).plus(overlap).toSeconds() + 59) / 60);
    }

    Clock clock() {
        return clock;
    }

    /**
     * The issues still found by their keys. Jira refuses a search naming a key that no
     * longer exists (400), so a refused search is asked again one key at a time, and a
     * key refused alone is gone.
     */
    private static List<IssueFacts> byKeys(JiraClient client, List<Dirty> chunk, List<String> fields,
            Optional<String> pointsField) {
        try {
            Jql jql = Jql.issueKeyIn(chunk.stream().map(Dirty::key).toList());
            return client.search(new SearchRequest(jql, fields, FactsOf.properties(), KEYS_PER_SEARCH))
                .map(issue -> FactsOf.of(issue, pointsField))
                .toList();
        }
        catch (JiraBadRequestException refused) {
            if (chunk.size() == 1) {
                return List.of();
            }
            List<IssueFacts> found = new ArrayList<>();
            chunk.forEach(one -> found.addAll(byKeys(client, List.of(one), fields, pointsField)));
            return found;
        }
    }

    private static int apply(JiraClient client, SearchRequest request, Optional<String> pointsField,
            Consumer<List<IssueFacts>> write) {
        List<IssueFacts> batch = new ArrayList<>();
        int[] read = { 0 };
        client.search(request).forEach((JiraIssue issue) -> {
            batch.add(FactsOf.of(issue, pointsField));
            read[0]++;
            if (batch.size() == FullReadWriter.BATCH) {
                write.accept(batch);
                batch.clear();
            }
        });
        write.accept(batch);
        return read[0];
    }

}
