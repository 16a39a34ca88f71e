package dev.throughline.readmodel;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The per-site read model: the {@link IssueFacts} of every issue of the projects
 * Throughline reads, and how fresh each project is. A cache derived from Jira: any of it
 * may be dropped ({@link #forget}) and is then read again in full. Kept in the app's
 * database, so every app instance reads and updates the same copy.
 */
public interface IssueFactsStore {

    /** An issue an event named but did not describe: read it again at the next view. */
    record Dirty(long id, String key, String projectKey) {
    }

    /** Every project of the site the read model holds. */
    List<String> projects(String siteKey);

    /**
     * The projects' sync state; a project absent from the answer was never read in full.
     */
    Map<String, ProjectSync> syncs(String siteKey, Collection<String> projectKeys);

    /** The projects were read (in full or refreshed) from Jira as of {@code at}. */
    void synced(String siteKey, Collection<String> projectKeys, Instant at, String pointsField);

    /** Every project of the site is refreshed at its next view. */
    void markStale(String siteKey);

    /**
     * Adds or replaces issues (by id: a moved issue replaces its old key and project).
     */
    void upsert(String siteKey, Collection<IssueFacts> facts);

    /**
     * Adds issues a full read found after {@link #forget}: most are not held, so a store
     * may insert them without looking for an old row first; one that is held after all
     * (an issue moved in from a project not being read, or read twice while it moved) is
     * replaced as {@link #upsert} would.
     */
    default void insertNew(String siteKey, Collection<IssueFacts> facts) {
        upsert(siteKey, facts);
    }

    Optional<IssueFacts> byId(String siteKey, long id);

    void delete(String siteKey, Collection<Long> ids);

    /**
     * Every issue held for these projects, in no particular order, handed over one at a
     * time as it is read (a store does not gather them all first).
     */
    void forEach(String siteKey, Collection<String> projectKeys, Consumer<IssueFacts> sink);

    /**
     * Every issue of these projects that carries theme links, as {@link #forEach}; a
     * store may find them without reading the other rows' facts.
     */
    default void forEachThemed(String siteKey, Collection<String> projectKeys, Consumer<IssueFacts> sink) {
        forEach(siteKey, projectKeys, facts -> {
            if (!facts.themeIds().isEmpty()) {
                sink.accept(facts);
            }
        });
    }

    /**
     * Every issue of these projects whose parent is one of {@code parents}, as
     * {@link #forEach}; a store may pass over the other rows without reading their facts
     * in full.
     */
    default void forEachChildOf(String siteKey, Collection<String> projectKeys, ParentSet parents,
            Consumer<IssueFacts> sink) {
        forEach(siteKey, projectKeys, facts -> {
            if (facts.parent().map(parents::contains).orElse(false)) {
                sink.accept(facts);
            }
        });
    }

    /**
     * The key held for each issue of these projects, by id: a fold names a moved parent
     * or blocker by it before it streams the facts ({@link #forEach}).
     */
    default Map<Long, String> keys(String siteKey, Collection<String> projectKeys) {
        Map<Long, String> keys = new HashMap<>();
        forEach(siteKey, projectKeys, facts -> keys.put(facts.id(), facts.key()));
        return keys;
    }

    /**
     * The revisions of these projects' parts and of the site's keys, read before their
     * rows; empty when this store keeps none (then nothing folded may be kept).
     */
    default Optional<FoldRevisions> revisions(String siteKey, Collection<String> projectKeys) {
        return Optional.empty();
    }

    /** Every issue held in these buckets of one project, as {@link #forEach}. */
    default void forEachIn(String siteKey, String projectKey, Collection<Integer> buckets, Consumer<IssueFacts> sink) {
        forEach(siteKey, List.of(projectKey), facts -> {
            if (buckets.contains(FoldRevisions.bucketOf(facts.id()))) {
                sink.accept(facts);
            }
        });
    }

    /**
     * The rows edited in place in one bucket by the writes that gave it revisions
     * {@code after + 1} to {@code upTo}, by revision then id; empty ("cannot tell")
     * unless every one of those revisions is described: a write that added, removed,
     * moved or re-keyed a row of the bucket, or whose entries were pruned (a store keeps
     * the last 32 revisions of each bucket), leaves its revision without entries. A store
     * that keeps no edits can never tell. {@code after == upTo} gives an empty list; a
     * store may refuse {@code after > upTo}. The edits describe this bucket's rows only:
     * what the site's keys or the whole project's revision say still holds.
     */
    default Optional<List<FactsEdit>> editsIn(String siteKey, String projectKey, int bucket, long after, long upTo) {
        return Optional.empty();
    }

    /**
     * {@link #editsIn(String, String, int, long, long)} for many buckets of one project.
     */
    default Map<Integer, Optional<List<FactsEdit>>> editsIn(String siteKey, String projectKey,
            Map<Integer, FactsEdit.Range> ranges) {
        Map<Integer, Optional<List<FactsEdit>>> found = new HashMap<>();
        ranges.forEach((bucket, range) -> found.put(bucket,
                editsIn(siteKey, projectKey, bucket, range.after(), range.upTo())));
        return found;
    }

    /** The key held for each of these issues that is in one of these projects, by id. */
    default Map<Long, String> keys(String siteKey, Collection<String> projectKeys, Collection<Long> ids) {
        Map<Long, String> keys = keys(siteKey, projectKeys);
        keys.keySet().retainAll(ids);
        return keys;
    }

    /** The ids held for one project. */
    List<Long> ids(String siteKey, String projectKey);

    void markDirty(String siteKey, Dirty issue);

    List<Dirty> dirty(String siteKey, Collection<String> projectKeys);

    void clearDirty(String siteKey, Collection<Long> ids);

    /** Drops the projects' issues and sync state: the next view reads them in full. */
    void forget(String siteKey, Collection<String> projectKeys);

}
