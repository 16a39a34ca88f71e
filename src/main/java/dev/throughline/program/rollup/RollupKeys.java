package dev.throughline.program.rollup;

import java.util.HashSet;
import java.util.Objects;
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

    /**
     * Every key folding {@code issue} reaches (as {@link ProjectRollup#accept} folds it;
     * {@code container}: it is one of the rollup's containers).
     */
    RollupKeys add(ProgramIssue issue, boolean container) {
        if (!issue.blocks().isEmpty() || !issue.blockedBy().isEmpty()) {
            ends.add(issue.key());
            issue.blocks().forEach(blocked -> links.add(new BlockingLink(issue.key(), blocked)));
            issue.blockedBy().forEach(blocker -> links.add(new BlockingLink(blocker, issue.key())));
        }
        if (container) {
            containers.add(issue.key());
            return this;
        }
        projects.add(issue.projectKey());
        fixVersions.addAll(issue.fixVersions());
        ChildBucket.of(issue).ifPresent(childBuckets::add);
        return this;
    }

    /**
     * The keys {@code now} touched since it was copied from {@code was}, less the
     * containers, ends and links it holds exactly as {@code was} does (an edit of status
     * or points leaves an issue's links as they were): a merge's sum of those is
     * unchanged.
     */
    RollupKeys addChanged(RollupKeys touched, ProjectRollup was, ProjectRollup now) {
        projects.addAll(touched.projects);
        fixVersions.addAll(touched.fixVersions);
        childBuckets.addAll(touched.childBuckets);
        touched.containers.stream()
            .filter(key -> !Objects.equals(was.containers().get(key), now.containers().get(key)))
            .forEach(containers::add);
        touched.ends.stream()
            .filter(key -> !Objects.equals(was.dependencyEnds().get(key), now.dependencyEnds().get(key)))
            .forEach(ends::add);
        touched.links.stream()
            .filter(link -> was.linkUses().uses(link) != now.linkUses().uses(link))
            .forEach(links::add);
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
