package dev.throughline.theme.service;

import dev.throughline.readmodel.FoldRevisions;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.ParentSet;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which of the kept scope rows ({@link KeptScopeRows}) a change reaches: the rows of
 * projects read again in full, of buckets written since they were read, and rows edited
 * since ({@link EditedRows}).
 */
final class ChangedRows {

    private ChangedRows() {
    }

    /** Held in a project read again in full, or in a bucket written since. */
    static boolean stale(IssueFacts facts, Set<String> whole, Map<String, Set<Integer>> changed) {
        return whole.contains(facts.projectKey())
                || changed.getOrDefault(facts.projectKey(), Set.of()).contains(FoldRevisions.bucketOf(facts.id()));
    }

    /**
     * Whether the rows {@code read} from the changed buckets and edited rows are the kept
     * rows {@code stale} finds there: rows are only replaced there, and children change
     * elsewhere only when the themed rows did, so then the kept rows (and what was folded
     * from them) still hold.
     * @param parents the parents the kept themed rows make
     */
    static boolean unchanged(Map<Long, IssueFacts> themed, Map<Long, IssueFacts> children, ParentSet parents,
            Predicate<IssueFacts> stale, Map<Long, IssueFacts> read) {
        Map<Long, IssueFacts> themedNow = new HashMap<>();
        Map<Long, IssueFacts> childrenNow = new HashMap<>();
        read.forEach((id, f) -> {
            if (!f.themeIds().isEmpty()) {
                themedNow.put(id, f);
            }
            if (f.parent().map(parents::contains).orElse(false)) {
                childrenNow.put(id, f);
            }
        });
        return themedNow.equals(in(themed, stale)) && childrenNow.equals(in(children, stale));
    }

    /** The rows held in the changed buckets or edited. */
    private static Map<Long, IssueFacts> in(Map<Long, IssueFacts> rows, Predicate<IssueFacts> stale) {
        Map<Long, IssueFacts> in = new HashMap<>();
        rows.forEach((id, f) -> {
            if (stale.test(f)) {
                in.put(id, f);
            }
        });
        return in;
    }

}
