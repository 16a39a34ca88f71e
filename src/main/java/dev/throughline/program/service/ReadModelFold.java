package dev.throughline.program.service;

import dev.throughline.program.rollup.ProjectRollup;
import dev.throughline.program.rollup.RollupSettings;
import dev.throughline.program.service.KeptRollups.Bucket;
import dev.throughline.program.service.KeptRollups.Kept;
import dev.throughline.readmodel.FoldRevisions;
import dev.throughline.readmodel.FoldRevisions.Part;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFacts.IssueRef;
import dev.throughline.readmodel.IssueFactsStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * Folds projects from the read model instead of Jira. A parent or blocker moved to
 * another project is named by the key the read model holds for it now (a search would
 * name it so too), not by the key it had when the issue pointing at it was read.
 * <p>
 * Each project is folded by bucket of issue ids and the buckets are kept
 * ({@link KeptRollups}) while the store's revisions say nothing in them changed, so a
 * warm view folds again only the buckets written since, through whichever instance.
 */
final class ReadModelFold {

    /**
     * Changed buckets are gathered in memory this many at a time to look up only the keys
     * their issues name (4,096 rows at most); a project not kept is streamed after
     * reading every key, as a cold fold.
     */
    private static final int GATHERED_BUCKETS = 16;

    private ReadModelFold() {
    }

    static Map<String, ProjectRollup> fold(IssueFactsStore store, KeptRollups kept, String siteKey,
            List<String> projects, RollupSettings settings) {
        return fold(store, kept, siteKey, projects, settings, BucketMembers.ALL);
    }

    /**
     * @param members which issues count: a refined program's buckets are kept under its
     * id and folded again when their revision or their ids changed
     */
    static Map<String, ProjectRollup> fold(IssueFactsStore store, KeptRollups kept, String siteKey,
            List<String> projects, RollupSettings settings, BucketMembers members) {
        Optional<FoldRevisions> revisions = projects.isEmpty() ? Optional.empty() : store.revisions(siteKey, projects);
        if (revisions.isEmpty()) {
            return fold(store, siteKey, projects, settings, members::contains);
        }
        FoldRevisions at = revisions.get();
        Set<String> together = Set.copyOf(projects);
        Map<String, Kept> before = new HashMap<>();
        Map<String, Set<Integer>> changed = new LinkedHashMap<>();
        List<String> whole = new ArrayList<>();
        for (String project : projects) {
            Optional<Kept> held = kept.get(key(siteKey, project, together, settings, members))
                .filter(k -> k.keys() == at.keys() && k.project() == at.of(Part.project(project)));
            if (held.isEmpty()) {
                whole.add(project);
                continue;
            }
            before.put(project, held.get());
            // the buckets written since, and (refined) those whose ids joined or left
            Set<Integer> buckets = new HashSet<>(at.buckets(project).keySet());
            buckets.addAll(held.get().buckets().keySet());
            buckets.removeIf(bucket -> Optional.ofNullable(held.get().buckets().get(bucket))
                .filter(was -> was.folded(at.of(new Part(project, bucket)), members.of(bucket)))
                .isPresent());
            if (!buckets.isEmpty()) {
                changed.put(project, buckets);
            }
        }
        // edited buckets by difference, the others from their rows
        Map<String, Map<Integer, Bucket>> brought = BucketEdits.apply(store, siteKey, projects, settings, members, at,
                before, changed);
        Map<String, Set<Integer>> refold = new LinkedHashMap<>();
        changed.forEach((project, buckets) -> {
            Set<Integer> rest = new HashSet<>(buckets);
            rest.removeAll(brought.getOrDefault(project, Map.of()).keySet());
            if (!rest.isEmpty()) {
                refold.put(project, rest);
            }
        });
        Map<String, Map<Integer, ProjectRollup>> fresh = new HashMap<>();
        if (whole.isEmpty()) {
            // a few changed buckets at a time: their rows in memory, and only the keys
            // they name looked up
            List<Map.Entry<String, Integer>> all = new ArrayList<>();
            refold.forEach((project, buckets) -> buckets.forEach(bucket -> all.add(Map.entry(project, bucket))));
            for (int from = 0; from < all.size(); from += GATHERED_BUCKETS) {
                List<IssueFacts> rows = new ArrayList<>();
                Map<String, Set<Integer>> batch = new LinkedHashMap<>();
                all.subList(from, Math.min(all.size(), from + GATHERED_BUCKETS))
                    .forEach(part -> batch.computeIfAbsent(part.getKey(), p -> new HashSet<>()).add(part.getValue()));
                batch.forEach((project, buckets) -> store.forEachIn(siteKey, project, buckets, rows::add));
                Map<Long, String> keys = store.keys(siteKey, projects, named(rows));
                rows.forEach(into(fresh, keys, settings, members));
            }
        }
        else {
            Map<Long, String> keys = store.keys(siteKey, projects);
            Consumer<IssueFacts> sink = into(fresh, keys, settings, members);
            store.forEach(siteKey, whole, sink);
            refold.forEach((project, buckets) -> store.forEachIn(siteKey, project, buckets, sink));
        }
        // a bucket whose revision moved while its rows were read may hold a write its
        // revision does not count: kept, but never brought up to date by difference
        FoldRevisions after = whole.isEmpty() && refold.isEmpty() ? at : store.revisions(siteKey, projects).orElse(at);
        Map<String, ProjectRollup> rollups = new LinkedHashMap<>();
        for (String project : projects) {
            Kept was = before.get(project);
            Map<Integer, ProjectRollup> folded = fresh.getOrDefault(project, Map.of());
            if (was != null && !changed.containsKey(project)) {
                rollups.put(project, was.merged());
                continue;
            }
            Map<Integer, Bucket> buckets = was == null ? new HashMap<>() : new HashMap<>(was.buckets());
            Map<Integer, Bucket> edited = brought.getOrDefault(project, Map.of());
            List<ProjectRollup> removed = new ArrayList<>();
            Set<Integer> refolded = new HashSet<>(folded.keySet());
            refolded.addAll(was == null ? at.buckets(project).keySet() : changed.get(project));
            List<ProjectRollup> added = new ArrayList<>();
            for (int bucket : refolded) {
                Optional.ofNullable(buckets.remove(bucket)).ifPresent(b -> removed.add(b.rollup()));
                Part part = new Part(project, bucket);
                // a bucket with nothing counted is kept too, or each view would fold it
                Bucket now = edited.containsKey(bucket) ? edited.get(bucket)
                        : new Bucket(at.of(part), members.of(bucket),
                                folded.getOrDefault(bucket, new ProjectRollup(settings)),
                                after.of(part) == at.of(part));
                added.add(now.rollup());
                buckets.put(bucket, now);
            }
            List<ProjectRollup> parts = buckets.values().stream().map(Bucket::rollup).toList();
            // only what the changed buckets hold is merged again; the program's assembly
            // takes the same keys from the merge (ProgramAssembly)
            ProjectRollup merged = was == null ? ProjectRollup.merge(settings, parts)
                    : ProjectRollup.remerge(settings, was.merged(), removed, added, parts);
            kept.put(key(siteKey, project, together, settings, members),
                    new Kept(at.keys(), at.of(Part.project(project)), buckets, merged));
            rollups.put(project, merged);
        }
        return rollups;
    }

    /**
     * The revisions around a cold read: after its projects were forgotten and before its
     * first page was written, what its own pages bumped, and after its last page.
     */
    record ReadRevisions(FoldRevisions before, FoldRevisions written, FoldRevisions after) {

        /** Whether only the read's pages wrote the part in between. */
        boolean onlyRead(Part part) {
            return after.of(part) == before.of(part) + written.of(part);
        }

    }

    /**
     * Keeps the buckets a cold read folded from its pages, so the next view folds only
     * what changed since: a bucket written by anyone else during the read (an event) is
     * kept under no revision, so the next view folds it again, and nothing is kept if the
     * site's keys or a whole project moved otherwise.
     * @param projects the program's projects, folded together at the next view
     * @param read the read projects' rollups by bucket, and their merges
     */
    static void keepRead(KeptRollups kept, String siteKey, List<String> projects, RollupSettings settings,
            ReadRevisions at, Map<String, Map<Integer, ProjectRollup>> read, Map<String, ProjectRollup> merged) {
        if (!at.onlyRead(Part.KEYS)) {
            return;
        }
        Set<String> together = Set.copyOf(projects);
        read.forEach((project, buckets) -> {
            if (!at.onlyRead(Part.project(project)) || !merged.containsKey(project)) {
                return;
            }
            Map<Integer, Bucket> held = new HashMap<>();
            buckets.forEach((bucket, rollup) -> {
                Part part = new Part(project, bucket);
                boolean onlyRead = at.onlyRead(part);
                held.put(bucket, new Bucket(onlyRead ? at.after().of(part) : -1, BucketMembers.ALL.of(bucket), rollup,
                        onlyRead));
            });
            kept.put(key(siteKey, project, together, settings, BucketMembers.ALL),
                    new Kept(at.after().keys(), at.after().of(Part.project(project)), held, merged.get(project)));
        });
    }

    private static KeptRollups.Key key(String siteKey, String project, Set<String> together, RollupSettings settings,
            BucketMembers members) {
        return new KeptRollups.Key(siteKey, project, together, settings, members.programId());
    }

    /**
     * Each issue counted folded into its project's bucket's rollup (a bucket of issues
     * none of which count gets an empty one, kept like the others).
     */
    private static Consumer<IssueFacts> into(Map<String, Map<Integer, ProjectRollup>> fresh, Map<Long, String> keys,
            RollupSettings settings, BucketMembers members) {
        return facts -> {
            ProjectRollup rollup = fresh.computeIfAbsent(facts.projectKey(), p -> new HashMap<>())
                .computeIfAbsent(FoldRevisions.bucketOf(facts.id()), b -> new ProjectRollup(settings));
            if (members.contains(facts.id())) {
                rollup.accept(IssueMapper.map(facts, facts.projectKey(), settings.today(),
                        id -> Optional.ofNullable(keys.get(id)), facts.subtaskCount()));
            }
        };
    }

    /** The issues these name: parents and both ends of their links. */
    static Set<Long> named(Collection<IssueFacts> rows) {
        Set<Long> ids = new HashSet<>();
        for (IssueFacts facts : rows) {
            facts.parent().ifPresent(p -> ids.add(p.id()));
            facts.blocks().stream().map(IssueRef::id).forEach(ids::add);
            facts.blockedBy().stream().map(IssueRef::id).forEach(ids::add);
        }
        return ids;
    }

    /**
     * Two reads: the issues' keys first (the only thing a fold needs of other issues),
     * then the facts, each folded into its project's rollup as it comes and dropped, so
     * memory grows with the projects' groups, not with their issues.
     * @param belongs which issues belong to the program (its refinement's ids), by id:
     * the others only name parents and blockers
     */
    static Map<String, ProjectRollup> fold(IssueFactsStore store, String siteKey, List<String> projects,
            RollupSettings settings, LongPredicate belongs) {
        Map<Long, String> keys = store.keys(siteKey, projects);
        Map<String, ProjectRollup> rollups = new LinkedHashMap<>();
        projects.forEach(project -> rollups.put(project, new ProjectRollup(settings)));
        store.forEach(siteKey, projects, facts -> {
            ProjectRollup rollup = rollups.get(facts.projectKey());
            if (rollup != null && belongs.test(facts.id())) {
                rollup.accept(IssueMapper.map(facts, facts.projectKey(), settings.today(),
                        id -> Optional.ofNullable(keys.get(id)), facts.subtaskCount()));
            }
        });
        return rollups;
    }

}
