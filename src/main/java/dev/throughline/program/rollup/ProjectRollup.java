package dev.throughline.program.rollup;

import java.lang.ref.WeakReference;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Folds issues into group totals as they arrive and forgets them. Use one per project (or
 * per partition of a project) and thread; accumulators merge by addition, so a viewer's
 * program is the merge of the projects they may browse and gives the same numbers as
 * folding all their issues into one accumulator.
 *
 * <p>
 * Not thread-safe: fold concurrently with one accumulator per thread, then
 * {@link #combine} them. Each issue must be folded exactly once across the accumulators
 * that are merged. An issue folded can be taken out again exactly ({@link #remove}), so a
 * {@link #copy} of a kept rollup can follow edits by difference.
 */
public final class ProjectRollup {

    private final RollupSettings settings;

    private Tally program = new Tally();

    private final Map<String, Tally> projects = new HashMap<>();

    private final Map<String, Tally> fixVersions = new HashMap<>();

    private final Map<ChildBucket, Tally> childBuckets = new HashMap<>();

    // containers, ends and links a remerge changes nothing in are shared with its base
    private Map<String, Container> containers = new HashMap<>();

    private Map<String, DependencyEnd> dependencyEnds = new HashMap<>();

    private LinkUses links = new LinkUses();

    /**
     * The rollup this one was worked out from by {@link #remerge} (weakly: a chain of
     * them is never kept alive) and the keys that may differ from it; a later merge works
     * out only those again.
     */
    private WeakReference<ProjectRollup> base;

    private RollupKeys changed;

    /** Set once a remerged rollup shares these tallies: never changed again, copied. */
    private boolean lent;

    /**
     * The rollup this was copied from (weakly), the keys accept and remove changed since.
     */
    private WeakReference<ProjectRollup> copiedFrom;

    private RollupKeys touched;

    /** Tallies shared with copies; null while there are none. */
    private SharedTallies shared;

    public ProjectRollup(RollupSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings are missing");
        }
        this.settings = settings;
    }

    /** A new accumulator holding the sum of the given ones (left unchanged). */
    public static ProjectRollup merge(RollupSettings settings, Collection<ProjectRollup> parts) {
        ProjectRollup merged = new ProjectRollup(settings);
        parts.forEach(merged::combine);
        return merged;
    }

    /**
     * The merge of {@code parts}, worked out from {@code base} (the merge before
     * {@code removed} left and {@code added} joined): only the keys those change are
     * summed again. Neither is changed afterwards (both throw; {@code base} may be
     * copied).
     */
    public static ProjectRollup remerge(RollupSettings settings, ProjectRollup base, Collection<ProjectRollup> removed,
            Collection<ProjectRollup> added, Collection<ProjectRollup> parts) {
        return MergeAgain.remerge(settings, base, removed, added, parts);
    }

    /** The keys accept and remove changed since this was copied from {@code original}. */
    Optional<RollupKeys> touchedSince(ProjectRollup original) {
        return original().filter(was -> was == original).map(was -> touched);
    }

    /** The rollup this one was copied from, while only accept and remove changed it. */
    Optional<ProjectRollup> original() {
        return touched == null ? Optional.empty() : Optional.ofNullable(copiedFrom.get());
    }

    /**
     * Starts a {@link #remerge} from {@code base}: its groups copied, its containers,
     * ends and links shared where {@code keys} change nothing in them (neither rollup is
     * ever changed again).
     */
    void workedOutFrom(ProjectRollup base, RollupKeys keys) {
        projects.putAll(base.projects);
        fixVersions.putAll(base.fixVersions);
        childBuckets.putAll(base.childBuckets);
        containers = keys.containers.isEmpty() ? base.containers : new HashMap<>(base.containers);
        dependencyEnds = keys.ends.isEmpty() ? base.dependencyEnds : new HashMap<>(base.dependencyEnds);
        links = keys.links.isEmpty() ? base.links : links.add(base.links);
        this.base = new WeakReference<>(base);
        this.changed = keys;
        base.lent = true;
    }

    /** The keys that may differ from {@code earlier}, if this was worked out from it. */
    Optional<RollupKeys> changedSince(ProjectRollup earlier) {
        return base != null && base.get() == earlier ? Optional.of(changed) : Optional.empty();
    }

    /**
     * These keys and the program's totals become the merge of {@code parts} again (fresh
     * tallies: the ones replaced may be shared with other rollups and are never changed).
     */
    void recompute(RollupKeys keys, List<ProjectRollup> parts) {
        MergeAgain.keys(this, keys, parts);
    }

    void replaceProgram(Tally total) {
        program = total;
    }

    public void accept(ProgramIssue issue) {
        requireOwnTallies();
        if (issue.kind() == IssueKind.SUBTASK && !settings.includeSubtasks()) {
            return;
        }
        ItemFacts facts = ItemFacts.of(issue, settings.today());
        touch(issue);
        if (isContainer(issue)) {
            if (containers.putIfAbsent(issue.key(), Container.of(issue, facts)) != null) {
                throw new IllegalArgumentException(issue.key() + " was folded twice");
            }
            links.remember(issue, dependencyEnds);
            return;
        }
        links.remember(issue, dependencyEnds);
        if (shared != null) {
            program = shared.own(program);
        }
        program.add(facts);
        owned(projects, issue.projectKey()).add(facts);
        for (String version : new HashSet<>(issue.fixVersions())) {
            owned(fixVersions, version).add(facts);
        }
        ChildBucket.of(issue).ifPresent(bucket -> owned(childBuckets, bucket).add(facts));
    }

    private <K> Tally owned(Map<K, Tally> groups, K key) {
        return shared != null ? shared.owned(groups, key) : groups.computeIfAbsent(key, k -> new Tally());
    }

    /**
     * Takes out an issue {@link #accept accepted} before, given as it was folded then:
     * afterwards this rollup is exactly what folding the other issues gives (totals at
     * the scale a fresh fold has; groups, weeks, models, containers, ends and links left
     * without an issue gone). An excluded sub-task is ignored, as by {@code accept}.
     * @throws IllegalArgumentException if the issue was not folded here as given, where
     * that shows (nothing is changed then); otherwise the totals are undefined
     * @throws IllegalStateException on a rollup made by {@link #remerge} or its base
     */
    public void remove(ProgramIssue issue) {
        requireOwnTallies();
        if (issue.kind() == IssueKind.SUBTASK && !settings.includeSubtasks()) {
            return;
        }
        ItemFacts facts = ItemFacts.of(issue, settings.today());
        boolean container = isContainer(issue);
        MergeAgain.requireFolded(this, issue, facts, container);
        touch(issue);
        links.forget(issue, dependencyEnds);
        if (container) {
            containers.remove(issue.key());
            return;
        }
        if (shared != null) {
            program = shared.own(program);
        }
        program.remove(facts);
        Tally.takeOut(projects, owned(projects, issue.projectKey()), issue.projectKey(), facts);
        for (String version : new HashSet<>(issue.fixVersions())) {
            Tally.takeOut(fixVersions, owned(fixVersions, version), version, facts);
        }
        ChildBucket.of(issue)
            .ifPresent(bucket -> Tally.takeOut(childBuckets, owned(childBuckets, bucket), bucket, facts));
    }

    /**
     * An independent rollup holding exactly the same folds: changing either never changes
     * the other.
     * @throws IllegalStateException on a rollup made by {@link #remerge}
     */
    public ProjectRollup copy() {
        if (base != null) {
            throw new IllegalStateException("a remerged rollup shares its tallies with its base: copy that instead");
        }
        ProjectRollup copy = new ProjectRollup(settings);
        copy.program = program;
        copy.projects.putAll(projects);
        copy.fixVersions.putAll(fixVersions);
        copy.childBuckets.putAll(childBuckets);
        copy.containers.putAll(containers);
        copy.dependencyEnds.putAll(dependencyEnds);
        copy.links.add(links);
        // both share every tally now: whichever changes one first copies it
        List<Map<?, Tally>> groups = List.of(projects, fixVersions, childBuckets);
        shared = shared == null ? new SharedTallies() : shared;
        shared.add(program, groups);
        copy.shared = new SharedTallies();
        copy.shared.add(program, groups);
        copy.copiedFrom = new WeakReference<>(this);
        copy.touched = new RollupKeys();
        return copy;
    }

    private void touch(ProgramIssue issue) {
        if (touched != null) {
            touched.add(issue, isContainer(issue));
        }
    }

    /**
     * Adds everything {@code other} has folded into this accumulator; {@code other} is
     * left unchanged.
     */
    public void combine(ProjectRollup other) {
        requireOwnTallies();
        touched = null;
        if (shared != null) {
            program = shared.own(program);
            List.of(projects, fixVersions, childBuckets).forEach(shared::ownAll);
        }
        MergeAgain.combine(this, other);
    }

    private void requireOwnTallies() {
        if (base != null || lent) {
            throw new IllegalStateException("a remerged rollup and its base share tallies and are never changed");
        }
    }

    public RollupSettings settings() {
        return settings;
    }

    public RetainedSizes retainedSizes() {
        return new RetainedSizes(projects.size(), fixVersions.size(), childBuckets.size(), containers.size(),
                dependencyEnds.size(), links.size());
    }

    private boolean isContainer(ProgramIssue issue) {
        return issue.kind() == IssueKind.EPIC
                || (settings.includeSubtasks() && issue.kind() == IssueKind.STANDARD && issue.subtaskCount() > 0);
    }

    // Read-only views for the result assembler; callers copy before changing anything.
    Tally program() {
        return program;
    }

    Map<String, Tally> projects() {
        return projects;
    }

    Map<String, Tally> fixVersions() {
        return fixVersions;
    }

    Map<ChildBucket, Tally> childBuckets() {
        return childBuckets;
    }

    Map<String, Container> containers() {
        return containers;
    }

    Map<String, DependencyEnd> dependencyEnds() {
        return dependencyEnds;
    }

    Set<BlockingLink> linkSet() {
        return links.set();
    }

    LinkUses linkUses() {
        return links;
    }

}
