package dev.throughline.program.service;

import dev.throughline.readmodel.FoldRevisions;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which issues a fold counts, by bucket of ids: every issue for a program without a
 * refinement, else its refinement's ids. A kept bucket's rollup stays valid only while
 * the ids of its bucket are exactly the ones it was folded with, so a membership change
 * written by any path (a search, an event, another instance) folds that bucket again.
 */
final class BucketMembers {

    private static final long[] NONE = new long[0];

    static final BucketMembers ALL = new BucketMembers(Optional.empty(), null);

    /** The refined program whose ids these are; empty for every issue. */
    private final Optional<String> programId;

    /** Sorted; null for every issue. */
    private final long[] ids;

    private final Map<Integer, long[]> slices = new ConcurrentHashMap<>();

    private BucketMembers(Optional<String> programId, long[] ids) {
        this.programId = programId;
        this.ids = ids;
    }

    static BucketMembers refined(String programId, Collection<Long> ids) {
        long[] sorted = ids.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new BucketMembers(Optional.of(programId), sorted);
    }

    Optional<String> programId() {
        return programId;
    }

    boolean contains(long id) {
        return ids == null || Arrays.binarySearch(ids, id) >= 0;
    }

    /**
     * The ids of the bucket (of any project: buckets are ranges of ids), sorted; none for
     * every issue (nothing to compare).
     */
    long[] of(int bucket) {
        if (ids == null) {
            return NONE;
        }
        // one array per bucket, shared by the projects' kept buckets (a bucket's ids are
        // asked for each project whose issues it holds)
        return slices.computeIfAbsent(bucket, b -> {
            long first = (long) b << FoldRevisions.BUCKET_BITS;
            int from = start(first);
            int to = start(first + (1L << FoldRevisions.BUCKET_BITS));
            return from == to ? NONE : Arrays.copyOfRange(ids, from, to);
        });
    }

    /** The index of the first id at or above {@code id}. */
    private int start(long id) {
        int at = Arrays.binarySearch(ids, id);
        return at >= 0 ? at : -at - 1;
    }

}
