package dev.throughline.theme.service;

import dev.throughline.readmodel.FoldRevisions;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.ParentSet;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which of the kept scope rows ({@link KeptScopeRows}) a change reaches: the rows of
 * projects read again in full and of buckets written since they were read.
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
     * Whether the rows {@code read} from the changed buckets are the kept rows of those
     * buckets: rows are only replaced there, and children change elsewhere only when the
     * themed rows did, so then the kept rows (and what was folded from them) still hold.
     * @param parents the parents the kept themed rows make
     */
    static boolean unchanged(Map<Long, IssueFacts> themed, Map<Long, IssueFacts> children, ParentSet parents,
            Map<String, Set<Integer>> changed, Map<Long, IssueFacts> read) {
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
        return themedNow.equals(in(themed, changed)) && childrenNow.equals(in(children, changed));
    }

    /** The rows held in the changed buckets. */
    private static Map<Long, IssueFacts> in(Map<Long, IssueFacts> rows, Map<String, Set<Integer>> changed) {
        Map<Long, IssueFacts> in = new HashMap<>();
        rows.forEach((id, f) -> {
            if (stale(f, Set.of(), changed)) {
                in.put(id, f);
            }
        });
        return in;
    }

}
