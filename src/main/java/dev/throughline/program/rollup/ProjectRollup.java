package dev.throughline.program.rollup;

import java.lang.ref.WeakReference;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Folds issues into group totals as they arrive and forgets them. Use one per project (or
 * per partition of a project) and thread; accumulators merge by addition, so a viewer's
 * program is the merge of the projects they may browse and gives the same numbers as
 * folding all their issues into one accumulator.
 *
 * <p>
 * Not thread-safe: fold concurrently with one accumulator per thread, then
 * {@link #combine} them. Each issue must be folded exactly once across the accumulators
 * that are merged.
 */
public final class ProjectRollup {

    private final RollupSettings settings;

    private Tally program = new Tally();

    private final Map<String, Tally> projects = new HashMap<>();

    private final Map<String, Tally> fixVersions = new HashMap<>();

    private final Map<ChildBucket, Tally> childBuckets = new HashMap<>();

    private final Map<String, Container> containers = new HashMap<>();

    private final Map<String, DependencyEnd> dependencyEnds = new HashMap<>();

    private final Set<BlockingLink> links = new HashSet<>();

    /**
     * The rollup this one was worked out from by {@link #remerge} (weakly: a chain of
     * them is never kept alive) and the keys that may differ from it; a later merge works
     * out only those again.
     */
    private WeakReference<ProjectRollup> base;

    private RollupKeys changed;

    public ProjectRollup(RollupSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings are missing");
        }
        this.settings = settings;
    }

    /**
     * A new accumulator holding the sum of the given ones; the inputs are left unchanged.
     */
    public static ProjectRollup merge(RollupSettings settings, Collection<ProjectRollup> parts) {
        ProjectRollup merged = new ProjectRollup(settings);
        parts.forEach(merged::combine);
        return merged;
    }

    /**
     * The merge of {@code parts}, worked out from {@code base} (the merge of the parts
     * before {@code removed} left and {@code added} joined): only the groups, containers,
     * ends and links those hold are summed again, the others are shared with
     * {@code base}. Neither is folded into afterwards (both are kept read-only).
     */
    public static ProjectRollup remerge(RollupSettings settings, ProjectRollup base, Collection<ProjectRollup> removed,
            Collection<ProjectRollup> added, Collection<ProjectRollup> parts) {
        ProjectRollup next = new ProjectRollup(settings);
        next.projects.putAll(base.projects);
        next.fixVersions.putAll(base.fixVersions);
        next.childBuckets.putAll(base.childBuckets);
        next.containers.putAll(base.containers);
        next.dependencyEnds.putAll(base.dependencyEnds);
        next.links.addAll(base.links);
        RollupKeys keys = new RollupKeys();
        removed.forEach(keys::add);
        added.forEach(keys::add);
        next.recompute(keys, List.copyOf(parts));
        next.base = new WeakReference<>(base);
        next.changed = keys;
        return next;
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
        Tally total = new Tally();
        for (ProjectRollup part : parts) {
            if (!settings.canMergeWith(part.settings)) {
                throw new IllegalArgumentException("cannot merge rollups built with different settings");
            }
            total.add(part.program);
        }
        program = total;
        sumAgain(projects, keys.projects, parts, p -> p.projects);
        sumAgain(fixVersions, keys.fixVersions, parts, p -> p.fixVersions);
        sumAgain(childBuckets, keys.childBuckets, parts, p -> p.childBuckets);
        for (String key : keys.containers) {
            Container found = null;
            for (ProjectRollup part : parts) {
                Container container = part.containers.get(key);
                if (container != null && found != null) {
                    throw new IllegalArgumentException(key + " was folded into both rollups");
                }
                found = container == null ? found : container;
            }
            putOrRemove(containers, key, found);
        }
        for (String key : keys.ends) {
            DependencyEnd found = null;
            for (ProjectRollup part : parts) {
                // as in combine: the last part's end wins
                found = part.dependencyEnds.getOrDefault(key, found);
            }
            putOrRemove(dependencyEnds, key, found);
        }
        for (BlockingLink link : keys.links) {
            if (parts.stream().anyMatch(part -> part.links.contains(link))) {
                links.add(link);
            }
            else {
                links.remove(link);
            }
        }
    }

    private static <K> void sumAgain(Map<K, Tally> into, Set<K> keys, List<ProjectRollup> parts,
            Function<ProjectRollup, Map<K, Tally>> groups) {
        for (K key : keys) {
            Tally sum = null;
            for (ProjectRollup part : parts) {
                Tally tally = groups.apply(part).get(key);
                if (tally != null) {
                    sum = sum == null ? new Tally() : sum;
                    sum.add(tally);
                }
            }
            putOrRemove(into, key, sum);
        }
    }

    private static <K, V> void putOrRemove(Map<K, V> map, K key, V value) {
        if (value == null) {
            map.remove(key);
        }
        else {
            map.put(key, value);
        }
    }

    public void accept(ProgramIssue issue) {
        requireOwnTallies();
        if (issue.kind() == IssueKind.SUBTASK && !settings.includeSubtasks()) {
            return;
        }
        rememberLinks(issue);
        ItemFacts facts = ItemFacts.of(issue, settings.today());
        if (isContainer(issue)) {
            if (containers.putIfAbsent(issue.key(), Container.of(issue, facts)) != null) {
                throw new IllegalArgumentException(issue.key() + " was folded twice");
            }
            return;
        }
        program.add(facts);
        projects.computeIfAbsent(issue.projectKey(), k -> new Tally()).add(facts);
        for (String version : new HashSet<>(issue.fixVersions())) {
            fixVersions.computeIfAbsent(version, k -> new Tally()).add(facts);
        }
        if (issue.parentKey().isPresent() || !issue.themeIds().isEmpty()) {
            ChildBucket bucket = ChildBucket.of(issue.parentKey().orElse(ChildBucket.NO_PARENT), issue.themeIds());
            childBuckets.computeIfAbsent(bucket, k -> new Tally()).add(facts);
        }
    }

    /**
     * Adds everything {@code other} has folded into this accumulator; {@code other} is
     * left unchanged.
     */
    public void combine(ProjectRollup other) {
        requireOwnTallies();
        if (!settings.canMergeWith(other.settings)) {
            throw new IllegalArgumentException("cannot merge rollups built with different settings");
        }
        program.add(other.program);
        addAll(projects, other.projects);
        addAll(fixVersions, other.fixVersions);
        addAll(childBuckets, other.childBuckets);
        other.containers.forEach((key, container) -> {
            if (containers.putIfAbsent(key, container) != null) {
                throw new IllegalArgumentException(key + " was folded into both rollups");
            }
        });
        dependencyEnds.putAll(other.dependencyEnds);
        links.addAll(other.links);
    }

    private void requireOwnTallies() {
        if (base != null) {
            throw new IllegalStateException("a remerged rollup shares its tallies and is never folded into");
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

    private void rememberLinks(ProgramIssue issue) {
        if (issue.blocks().isEmpty() && issue.blockedBy().isEmpty()) {
            return;
        }
        dependencyEnds.put(issue.key(), DependencyEnd.of(issue));
        issue.blocks().forEach(blocked -> links.add(new BlockingLink(issue.key(), blocked)));
        issue.blockedBy().forEach(blocker -> links.add(new BlockingLink(blocker, issue.key())));
    }

    private static <K> void addAll(Map<K, Tally> into, Map<K, Tally> from) {
        from.forEach((key, tally) -> into.computeIfAbsent(key, k -> new Tally()).add(tally));
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

    List<BlockingLink> links() {
        return List.copyOf(links);
    }

    Set<BlockingLink> linkSet() {
        return links;
    }

}
