package dev.throughline.theme.service;

import dev.throughline.readmodel.FactsEdit;
import dev.throughline.readmodel.FoldRevisions;
import dev.throughline.readmodel.FoldRevisions.Part;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFactsStore;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rows edited in place in changed buckets since the kept scope rows
 * ({@link KeptScopeRows}) were read, where the store describes every write to the bucket
 * ({@link IssueFactsStore#editsIn}): only those rows can differ there, so a view after
 * 100 edits takes about 100 rows instead of every row of the ~90 buckets they fall in. A
 * bucket the store cannot describe (a row added, removed, moved or re-keyed, edits
 * pruned) is read again by id range.
 *
 * @param after each edited issue's row after the last edit, by id
 * @param described the buckets whose every change {@code after} holds, by project
 */
record EditedRows(Map<Long, IssueFacts> after, Map<String, Set<Integer>> described) {

    static final EditedRows NONE = new EditedRows(Map.of(), Map.of());

    EditedRows {
        after = Map.copyOf(after);
        described = Map.copyOf(described);
    }

    /**
     * The edits of {@code changed} (buckets written between {@code was} and {@code at},
     * by project) the store describes; none without a store.
     */
    static EditedRows of(Optional<IssueFactsStore> store, String siteKey, FoldRevisions was, FoldRevisions at,
            Map<String, Set<Integer>> changed) {
        if (store.isEmpty()) {
            return NONE;
        }
        Map<Long, IssueFacts> after = new HashMap<>();
        Map<String, Set<Integer>> described = new HashMap<>();
        changed.forEach((project, buckets) -> {
            Map<Integer, FactsEdit.Range> ranges = new HashMap<>();
            for (int bucket : buckets) {
                long before = was.of(new Part(project, bucket));
                // a bucket never written when the rows were read: its rows are read again
                if (before > 0) {
                    ranges.put(bucket, new FactsEdit.Range(before, at.of(new Part(project, bucket))));
                }
            }
            if (ranges.isEmpty()) {
                return;
            }
            store.get().editsIn(siteKey, project, ranges).forEach((bucket, edits) -> edits.ifPresent(list -> {
                described.computeIfAbsent(project, p -> new HashSet<>()).add(bucket);
                lastRows(list, after);
            }));
        });
        return new EditedRows(after, described);
    }

    /** The buckets of {@code changed} this does not describe: read again by id range. */
    Map<String, Set<Integer>> undescribed(Map<String, Set<Integer>> changed) {
        Map<String, Set<Integer>> left = new HashMap<>();
        changed.forEach((project, buckets) -> {
            Set<Integer> rest = new HashSet<>(buckets);
            rest.removeAll(described.getOrDefault(project, Set.of()));
            if (!rest.isEmpty()) {
                left.put(project, rest);
            }
        });
        return left;
    }

    /** Whether the kept row {@code facts} may have been edited since it was read. */
    boolean edited(IssueFacts facts) {
        return after.containsKey(facts.id());
    }

    /** The edits are by revision then id: the last one of an issue is its row now. */
    private static void lastRows(List<FactsEdit> edits, Map<Long, IssueFacts> after) {
        edits.forEach(edit -> after.put(edit.after().id(), edit.after()));
    }

}
