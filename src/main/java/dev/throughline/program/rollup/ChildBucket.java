package dev.throughline.program.rollup;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Items that share a parent and the same own themes. Epic and theme membership is only
 * known once the parent has been seen, so items are summed per bucket and routed when the
 * rollup is finished. The number of buckets grows with parents x theme combinations, not
 * with issues.
 */
record ChildBucket(String parentKey, List<String> themeIds) {

    static final String NO_PARENT = "";

    static ChildBucket of(String parentKey, List<String> themeIds) {
        return new ChildBucket(parentKey, List.copyOf(new TreeSet<>(themeIds)));
    }

    /** The bucket an item is summed in: none without a parent and own themes. */
    static Optional<ChildBucket> of(ProgramIssue issue) {
        if (issue.parentKey().isEmpty() && issue.themeIds().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(of(issue.parentKey().orElse(NO_PARENT), issue.themeIds()));
    }

    boolean hasParent() {
        return !parentKey.equals(NO_PARENT);
    }
}
