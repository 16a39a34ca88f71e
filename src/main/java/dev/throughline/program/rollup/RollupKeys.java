package dev.throughline.program.rollup;

import java.util.HashSet;
import java.util.Set;

/**
 * The groups, containers, link ends and links some rollups hold: what a merge must work
 * out again when those rollups leave it or join it (the program's own totals always).
 */
final class RollupKeys {

    final Set<String> projects = new HashSet<>();

    final Set<String> fixVersions = new HashSet<>();

    final Set<ChildBucket> childBuckets = new HashSet<>();

    final Set<String> containers = new HashSet<>();

    final Set<String> ends = new HashSet<>();

    final Set<BlockingLink> links = new HashSet<>();

    /** Every key {@code rollup} holds. */
    RollupKeys add(ProjectRollup rollup) {
        projects.addAll(rollup.projects().keySet());
        fixVersions.addAll(rollup.fixVersions().keySet());
        childBuckets.addAll(rollup.childBuckets().keySet());
        containers.addAll(rollup.containers().keySet());
        ends.addAll(rollup.dependencyEnds().keySet());
        links.addAll(rollup.linkSet());
        return this;
    }

    RollupKeys add(RollupKeys other) {
        projects.addAll(other.projects);
        fixVersions.addAll(other.fixVersions);
        childBuckets.addAll(other.childBuckets);
        containers.addAll(other.containers);
        ends.addAll(other.ends);
        links.addAll(other.links);
        return this;
    }

}
