package dev.throughline.program.rollup;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Works out again the keys of a merged rollup that some parts hold
 * ({@link ProjectRollup#recompute}): fresh tallies, since the ones replaced may be shared
 * with other rollups and are never changed.
 */
final class MergeAgain {

    private MergeAgain() {
    }

    /**
     * These keys and {@code into}'s program totals become the merge of {@code parts}
     * again.
     */
    static void keys(ProjectRollup into, RollupKeys keys, List<ProjectRollup> parts) {
        Tally total = new Tally();
        for (ProjectRollup part : parts) {
            if (!into.settings().canMergeWith(part.settings())) {
                throw new IllegalArgumentException("cannot merge rollups built with different settings");
            }
            total.add(part.program());
        }
        into.replaceProgram(total);
        sumAgain(into.projects(), keys.projects, parts, ProjectRollup::projects);
        sumAgain(into.fixVersions(), keys.fixVersions, parts, ProjectRollup::fixVersions);
        sumAgain(into.childBuckets(), keys.childBuckets, parts, ProjectRollup::childBuckets);
        for (String key : keys.containers) {
            Container found = null;
            for (ProjectRollup part : parts) {
                Container container = part.containers().get(key);
                if (container != null && found != null) {
                    throw new IllegalArgumentException(key + " was folded into both rollups");
                }
                found = container == null ? found : container;
            }
            putOrRemove(into.containers(), key, found);
        }
        for (String key : keys.ends) {
            DependencyEnd found = null;
            for (ProjectRollup part : parts) {
                // as in combine: the last part's end wins
                found = part.dependencyEnds().getOrDefault(key, found);
            }
            putOrRemove(into.dependencyEnds(), key, found);
        }
        into.linkUses().sumAgain(keys.links, parts.stream().map(ProjectRollup::linkUses).toList());
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

    /**
     * What a merge must work out again when {@code removed} leave it and {@code added}
     * join it: for a part copied from one that leaves and changed since only by accept
     * and remove, the keys those touched; for any other, every key of both.
     */
    static RollupKeys changedKeys(Collection<ProjectRollup> removed, Collection<ProjectRollup> added) {
        Set<ProjectRollup> leaving = Collections.newSetFromMap(new IdentityHashMap<>());
        leaving.addAll(removed);
        Set<ProjectRollup> explained = Collections.newSetFromMap(new IdentityHashMap<>());
        RollupKeys keys = new RollupKeys();
        for (ProjectRollup now : added) {
            Optional<ProjectRollup> original = now.original()
                .filter(was -> leaving.contains(was) && explained.add(was));
            if (original.isPresent()) {
                keys.addChanged(now.touchedSince(original.get()).orElseThrow(), original.get(), now);
            }
            else {
                keys.add(now);
            }
        }
        leaving.stream().filter(was -> !explained.contains(was)).forEach(keys::add);
        return keys;
    }

    static ProjectRollup remerge(RollupSettings settings, ProjectRollup base, Collection<ProjectRollup> removed,
            Collection<ProjectRollup> added, Collection<ProjectRollup> parts) {
        ProjectRollup next = new ProjectRollup(settings);
        RollupKeys keys = changedKeys(removed, added);
        next.workedOutFrom(base, keys);
        next.recompute(keys, List.copyOf(parts));
        return next;
    }

    /** Checks what shows whether the issue was folded, before anything is taken out. */
    static void requireFolded(ProjectRollup rollup, ProgramIssue issue, ItemFacts facts, boolean container) {
        boolean folded;
        if (container) {
            folded = Container.of(issue, facts).equals(rollup.containers().get(issue.key()));
        }
        else {
            folded = rollup.projects().containsKey(issue.projectKey())
                    && rollup.fixVersions().keySet().containsAll(issue.fixVersions())
                    && ChildBucket.of(issue).map(rollup.childBuckets()::containsKey).orElse(true);
        }
        if (!folded || !(issue.blocks().isEmpty() && issue.blockedBy().isEmpty()
                || DependencyEnd.of(issue).equals(rollup.dependencyEnds().get(issue.key())))) {
            throw new IllegalArgumentException(issue.key() + " was not folded into this rollup as given");
        }
    }

    /**
     * Adds everything {@code other} folded into {@code into}; {@code other} is unchanged.
     */
    static void combine(ProjectRollup into, ProjectRollup other) {
        if (!into.settings().canMergeWith(other.settings())) {
            throw new IllegalArgumentException("cannot merge rollups built with different settings");
        }
        into.program().add(other.program());
        addAll(into.projects(), other.projects());
        addAll(into.fixVersions(), other.fixVersions());
        addAll(into.childBuckets(), other.childBuckets());
        other.containers().forEach((key, container) -> {
            if (into.containers().putIfAbsent(key, container) != null) {
                throw new IllegalArgumentException(key + " was folded into both rollups");
            }
        });
        into.dependencyEnds().putAll(other.dependencyEnds());
        into.linkUses().add(other.linkUses());
    }

    private static <K> void addAll(Map<K, Tally> into, Map<K, Tally> from) {
        from.forEach((key, tally) -> into.computeIfAbsent(key, k -> new Tally()).add(tally));
    }

}
