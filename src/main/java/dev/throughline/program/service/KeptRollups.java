package dev.throughline.program.service;

import dev.throughline.program.rollup.ProjectRollup;
import dev.throughline.program.rollup.RollupSettings;

import java.lang.ref.SoftReference;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Each project's folded buckets between views, in this instance's memory: bounded by
 * count (least recently used go first) and softly held, so a full heap drops them before
 * it fails; a dropped project is folded again from the read model.
 */
final class KeptRollups {

    /**
     * One project's folds are valid for the same site, rollup settings and set of
     * projects folded together (a moved parent is named by its key only when its project
     * is one of them), and for the same refined program ({@code refinedBy}; empty when
     * every issue counts), so two programs over the same projects keep their own folds.
     */
    record Key(String siteKey, String projectKey, Set<String> folded, RollupSettings settings,
            Optional<String> refinedBy) {

        Key {
            folded = Set.copyOf(folded);
            Objects.requireNonNull(refinedBy, "refinedBy");
        }

    }

    /**
     * A bucket's rollup as folded at {@code revision} with these of its ids counted
     * ({@link BucketMembers#of}; none when every issue counts). Compared by its parts
     * only, never as a whole.
     *
     * @param exact whether the rollup holds the bucket's rows exactly as they were at
     * {@code revision} (no write committed between reading the revision and the rows):
     * only then may the edits written since be applied to it by difference
     * ({@link BucketEdits}); an inexact bucket is folded again from its rows when its
     * revision moves
     */
    record Bucket(long revision, long[] members, ProjectRollup rollup, boolean exact) {

        Bucket {
            Objects.requireNonNull(members, "members");
            Objects.requireNonNull(rollup, "rollup");
        }

        boolean folded(long at, long[] with) {
            return revision == at && Arrays.equals(members, with);
        }

        /**
         * Whether the edits written since can bring it to {@code at}: exact, folded with
         * the same ids, behind.
         */
        boolean editable(long at, long[] with) {
            return exact && revision < at && Arrays.equals(members, with);
        }

    }

    /**
     * The project's buckets, folded while the site's keys and the whole project were at
     * these revisions, and their merge (shared read-only: rollups are only ever merged
     * into new ones).
     */
    record Kept(long keys, long project, Map<Integer, Bucket> buckets, ProjectRollup merged) {

        Kept {
            buckets = Map.copyOf(buckets);
        }

    }

    private final Map<Key, SoftReference<Kept>> kept;

    KeptRollups(int maxProjects) {
        this.kept = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, SoftReference<Kept>> eldest) {
                return size() > maxProjects;
            }
        };
    }

    synchronized Optional<Kept> get(Key key) {
        return Optional.ofNullable(kept.get(key)).map(SoftReference::get);
    }

    synchronized void put(Key key, Kept value) {
        kept.put(key, new SoftReference<>(value));
    }

    synchronized void clear() {
        kept.clear();
    }

}
