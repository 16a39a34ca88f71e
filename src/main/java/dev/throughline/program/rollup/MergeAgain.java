package dev.throughline.program.rollup;

import java.util.List;
import java.util.Map;
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

}
