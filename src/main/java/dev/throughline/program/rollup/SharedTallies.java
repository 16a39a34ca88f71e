package dev.throughline.program.rollup;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The tallies a rollup shares with its copies (or with the rollup it was copied from): a
 * copy takes the same tally objects, and whichever of them changes a shared tally first
 * changes its own copy of it instead. A kept bucket's copy that follows a few edits so
 * copies the few tallies they reach, not every group, week and model of the bucket.
 */
final class SharedTallies {

    private final Set<Tally> shared = Collections.newSetFromMap(new IdentityHashMap<>());

    void add(Tally program, Collection<Map<?, Tally>> groups) {
        shared.add(program);
        groups.forEach(group -> shared.addAll(group.values()));
    }

    /** The tally itself if only this rollup holds it, else a copy of it this one owns. */
    Tally own(Tally tally) {
        return shared.remove(tally) ? tally.copy() : tally;
    }

    /** The group's tally, owned (created empty when the group has none yet). */
    <K> Tally owned(Map<K, Tally> groups, K key) {
        Tally tally = groups.get(key);
        if (tally == null) {
            tally = new Tally();
            groups.put(key, tally);
            return tally;
        }
        Tally mine = own(tally);
        if (mine != tally) {
            groups.put(key, mine);
        }
        return mine;
    }

    /** Every shared tally of these groups replaced by an owned copy. */
    <K> void ownAll(Map<K, Tally> groups) {
        groups.replaceAll((key, tally) -> own(tally));
    }

}
