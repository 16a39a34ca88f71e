package dev.throughline.theme.service;

import dev.throughline.readmodel.FoldRevisions;
import dev.throughline.readmodel.FoldRevisions.Part;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.readmodel.ParentSet;
import dev.throughline.readmodel.ProjectIssues;

import java.lang.ref.SoftReference;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The read model's rows theme progress folds (issues carrying theme links and the
 * children of those), kept per site between views in this instance's memory while the
 * shared database's revisions ({@link FoldRevisions}) say nothing in them changed: a view
 * with nothing changed reads the revisions only, never a row; after a few changes it
 * reads the changed buckets, and every row only for a project seen or forgotten since, or
 * to find the children of an issue linked since (the read model has no index of parents).
 * A write through any app instance bumps the revisions, so every instance reads that part
 * again. A store without revisions is read as before, on every view.
 */
final class KeptScopeRows {

    /**
     * More than one in this many of the buckets changed: the rows are read as on a first
     * view (a refresh that read every project again bumps them all).
     */
    private static final int MOST_CHANGED = 4;

    /**
     * More than one in this many of the buckets changed: no edits are asked for (a
     * refresh that wrote every row describes each as an edit, twice the rows to decode).
     */
    private static final int MOST_EDITED = 2;

    /** Up to this many changed buckets are always read by id range. */
    private static final int FEW_CHANGED = 16;

    /** Sites kept (least recently viewed go first). */
    private static final int MAX_SITES = 64;

    /**
     * One site's rows, as of {@code at}: every row of {@code projects} carrying theme
     * links, and every row of them whose parent is one of those. {@code folds} is what
     * was folded from these rows: handed on to the next revisions while the rows stay
     * equal (a change in a bucket holding none of them), a new one when they change.
     */
    private record Kept(Set<String> projects, FoldRevisions at, Map<Long, IssueFacts> themed,
            Map<Long, IssueFacts> children, ParentSet parents, ScopeFolds folds) {
    }

    private final Map<String, SoftReference<Kept>> sites = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SoftReference<Kept>> eldest) {
            return size() > MAX_SITES;
        }
    };

    /**
     * One lock per site: a site's first view reads its rows without holding up others.
     */
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /** Where the edits in place since a revision are found, if anywhere. */
    private final Optional<IssueFactsStore> edits;

    KeptScopeRows(Optional<IssueFactsStore> edits) {
        this.edits = edits;
    }

    /** What one view reads through: the kept rows of its site, brought up to date. */
    Reader reader(ProjectIssues issues, String siteKey) {
        return new Reader(issues, siteKey);
    }

    final class Reader {

        private final ProjectIssues issues;

        private final String siteKey;

        /** The content every kept read of this view was served from, so far. */
        private ScopeFolds served;

        /** A read of this view was not served from kept rows, or from another content. */
        private boolean mixed;

        private Reader(ProjectIssues issues, String siteKey) {
            this.issues = issues;
            this.siteKey = siteKey;
        }

        /**
         * The work folded before from the very rows this view has read so far, over the
         * same projects; empty when there is none or this view read other rows.
         */
        Optional<ThemeWork> keptWork(Set<String> projects) {
            return mixed || served == null ? Optional.empty() : served.work(projects);
        }

        /**
         * The work last folded from this site's rows, whatever they were (scopes found
         * equal in a new fold are shared with it).
         */
        Optional<ThemeWork> lastWork() {
            return Optional.ofNullable(served).map(ScopeFolds::latest).map(ScopeFolds.Folded::work);
        }

        /**
         * Keeps {@code work}, folded from every row this view read, with those rows (not
         * when they came from more than one content).
         */
        void keep(Set<String> projects, ThemeWork work) {
            if (!mixed && served != null) {
                served.keep(projects, work);
            }
        }

        private Optional<Kept> served(Optional<Kept> kept) {
            ScopeFolds folds = kept.map(Kept::folds).orElse(null);
            mixed |= folds == null || served != null && served != folds;
            served = folds;
            return kept;
        }

        /** Every row of these projects carrying theme links. */
        void forEachThemed(Collection<String> projects, Consumer<IssueFacts> sink) {
            Optional<Kept> kept = served(current(issues, siteKey, projects));
            if (kept.isEmpty()) {
                issues.forEachThemed(siteKey, projects, sink);
                return;
            }
            kept.get().themed().values().stream().filter(f -> projects.contains(f.projectKey())).forEach(sink);
        }

        /** Every row of these projects whose parent is one of {@code parents}. */
        void forEachChildOf(Collection<String> projects, ParentSet parents, Consumer<IssueFacts> sink) {
            if (parents.isEmpty()) {
                // no parent, no child: nothing to read, nothing that could differ
                return;
            }
            Optional<Kept> kept = served(current(issues, siteKey, projects));
            if (kept.isEmpty()) {
                issues.forEachChildOf(siteKey, projects, parents, sink);
                return;
            }
            kept.get()
                .children()
                .values()
                .stream()
                .filter(f -> projects.contains(f.projectKey()) && parents.contains(f.parent().orElseThrow()))
                .forEach(sink);
        }

    }

    /**
     * The site's kept rows covering {@code projects}, read again where the revisions
     * changed; empty when the store keeps no revisions.
     */
    private Optional<Kept> current(ProjectIssues issues, String siteKey, Collection<String> projects) {
        synchronized (locks.computeIfAbsent(siteKey, k -> new Object())) {
            return currentLocked(issues, siteKey, projects);
        }
    }

    private Optional<Kept> currentLocked(ProjectIssues issues, String siteKey, Collection<String> projects) {
        Kept was = kept(siteKey);
        Set<String> covered = new HashSet<>(projects);
        if (was != null) {
            covered.addAll(was.projects());
        }
        // revisions before rows: rows read after them may be newer (read again at the
        // next view), never older
        Optional<FoldRevisions> revisions = issues.revisions(siteKey, covered);
        if (revisions.isEmpty()) {
            return Optional.empty();
        }
        FoldRevisions at = revisions.get();
        Kept now = was == null ? cold(issues, siteKey, covered, at, null) : update(issues, siteKey, was, covered, at);
        if (now != was) {
            synchronized (sites) {
                sites.put(siteKey, new SoftReference<>(now));
            }
        }
        return Optional.of(now);
    }

    private Kept kept(String siteKey) {
        synchronized (sites) {
            return Optional.ofNullable(sites.get(siteKey)).map(SoftReference::get).orElse(null);
        }
    }

    private static Kept cold(ProjectIssues issues, String siteKey, Set<String> projects, FoldRevisions at,
            ScopeFolds.Folded before) {
        Map<Long, IssueFacts> themed = new HashMap<>();
        issues.forEachThemed(siteKey, projects, f -> themed.put(f.id(), f));
        Map<Long, IssueFacts> children = new HashMap<>();
        ParentSet parents = parentsOf(themed);
        issues.forEachChildOf(siteKey, projects, parents, f -> children.put(f.id(), f));
        return new Kept(Set.copyOf(projects), at, themed, children, parents, new ScopeFolds(before));
    }

    /**
     * The kept rows with the parts written since read again: projects new or forgotten
     * since in full, changed buckets by id range, and the children of issues linked since
     * (or whose key changed) from every project.
     */
    private Kept update(ProjectIssues issues, String siteKey, Kept was, Set<String> projects, FoldRevisions at) {
        Set<String> whole = new HashSet<>();
        Map<String, Set<Integer>> changed = new HashMap<>();
        int parts = 0;
        for (String project : projects) {
            parts += at.buckets(project).size();
            if (!was.projects().contains(project)
                    || was.at().of(Part.project(project)) != at.of(Part.project(project))) {
                whole.add(project);
                continue;
            }
            Map<Integer, Long> before = was.at().buckets(project);
            at.buckets(project).forEach((bucket, revision) -> {
                if (!revision.equals(before.get(bucket))) {
                    changed.computeIfAbsent(project, p -> new HashSet<>()).add(bucket);
                }
            });
        }
        if (whole.isEmpty() && changed.isEmpty()) {
            return was;
        }
        EditedRows edited = changed.values().stream().mapToInt(Set::size).sum() > parts / MOST_EDITED ? EditedRows.NONE
                : EditedRows.of(edits, siteKey, was.at(), at, changed);
        Map<String, Set<Integer>> reread = edited.undescribed(changed);
        if (reread.values().stream().mapToInt(Set::size).sum() > Math.max(FEW_CHANGED, parts / MOST_CHANGED)) {
            // a bucket is read with every row decoded, a cold read decodes only the
            // themed rows and the children: past this share it is the cheaper of the two
            return cold(issues, siteKey, projects, at, was.folds().latest());
        }
        Map<Long, IssueFacts> read = new HashMap<>(edited.after());
        reread.forEach((project, buckets) -> issues.forEachIn(siteKey, project, buckets, f -> read.put(f.id(), f)));
        Predicate<IssueFacts> stale = f -> ChangedRows.stale(f, whole, reread) || edited.edited(f);
        if (whole.isEmpty() && ChangedRows.unchanged(was.themed(), was.children(), was.parents(), stale, read)) {
            // most edits: the changed buckets hold the same rows of the scopes as before
            return new Kept(was.projects(), at, was.themed(), was.children(), was.parents(), was.folds());
        }
        Map<Long, IssueFacts> themed = new HashMap<>(was.themed());
        Map<Long, IssueFacts> children = new HashMap<>(was.children());
        themed.values().removeIf(stale);
        children.values().removeIf(stale);
        if (!whole.isEmpty()) {
            issues.forEachThemed(siteKey, whole, f -> themed.put(f.id(), f));
        }
        read.values().stream().filter(f -> !f.themeIds().isEmpty()).forEach(f -> themed.put(f.id(), f));
        ParentSet parents = parentsOf(themed);
        children.values().removeIf(f -> !parents.contains(f.parent().orElseThrow()));
        Consumer<IssueFacts> child = f -> children.put(f.id(), f);
        if (!whole.isEmpty()) {
            issues.forEachChildOf(siteKey, whole, parents, child);
        }
        ParentSet before = was.parents();
        ParentSet added = new ParentSet(minus(parents.ids(), before.ids()), minus(parents.keys(), before.keys()));
        Set<String> rest = new HashSet<>(projects);
        rest.removeAll(whole);
        if (!added.isEmpty()) {
            issues.forEachChildOf(siteKey, rest, added, child);
        }
        read.values().stream().filter(f -> f.parent().map(parents::contains).orElse(false)).forEach(child);
        return new Kept(Set.copyOf(projects), at, themed, children, parents, new ScopeFolds(was.folds().latest()));
    }

    private static ParentSet parentsOf(Map<Long, IssueFacts> themed) {
        Set<Long> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        themed.values().forEach(f -> {
            ids.add(f.id());
            keys.add(f.key());
        });
        return new ParentSet(ids, keys);
    }

    private static <T> Set<T> minus(Set<T> all, Set<T> gone) {
        Set<T> left = new HashSet<>(all);
        left.removeAll(gone);
        return left;
    }

}
