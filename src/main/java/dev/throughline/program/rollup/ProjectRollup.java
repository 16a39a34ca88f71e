package dev.throughline.program.rollup;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * that are merged.
 */
public final class ProjectRollup {

    private final RollupSettings settings;

    private final Tally program = new Tally();

    private final Map<String, Tally> projects = new HashMap<>();

    private final Map<String, Tally> fixVersions = new HashMap<>();

    private final Map<ChildBucket, Tally> childBuckets = new HashMap<>();

    private final Map<String, Container> containers = new HashMap<>();

    private final Map<String, DependencyEnd> dependencyEnds = new HashMap<>();

    private final Set<BlockingLink> links = new HashSet<>();

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

    public void accept(ProgramIssue issue) {
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

}
