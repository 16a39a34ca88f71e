package dev.throughline.readmodel;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How often each part of the read model was written, as the shared database holds it: a
 * fold kept in memory stays valid while its part's revision is unchanged, so a write
 * through any app instance makes every instance fold that part again. A part is a bucket
 * of a project (issues whose ids share {@link #bucketOf}), a whole project (bumped when
 * it is forgotten) or the site's keys (bumped when an issue's key may have changed for
 * the other projects: it moved, was created, deleted or forgotten).
 */
public record FoldRevisions(Map<Part, Long> revisions) {

    /** Ids per bucket: one changed issue folds again at most this many rows. */
    public static final int BUCKET_BITS = 8;

    /** A revisioned part; {@code bucket} -1 is the whole project. */
    public record Part(String projectKey, int bucket) {

        public static final Part KEYS = new Part("", -1);

        public Part {
            if (projectKey == null) {
                throw new IllegalArgumentException("projectKey is missing");
            }
        }

        public static Part project(String projectKey) {
            return new Part(projectKey, -1);
        }

        public static Part of(IssueFacts facts) {
            return new Part(facts.projectKey(), bucketOf(facts.id()));
        }

    }

    public FoldRevisions {
        revisions = Map.copyOf(revisions);
    }

    public static int bucketOf(long issueId) {
        return (int) (issueId >>> BUCKET_BITS);
    }

    /** The part's revision; 0 for one never written since revisions were kept. */
    public long of(Part part) {
        return revisions.getOrDefault(part, 0L);
    }

    public long keys() {
        return of(Part.KEYS);
    }

    /** The project's buckets written since revisions were kept, by revision. */
    public Map<Integer, Long> buckets(String projectKey) {
        Map<Integer, Long> buckets = new HashMap<>();
        revisions.forEach((part, revision) -> {
            if (part.projectKey().equals(projectKey) && part.bucket() >= 0) {
                buckets.put(part.bucket(), revision);
            }
        });
        return buckets;
    }

    /**
     * The parts a write of {@code written} changes, given the rows it replaces
     * ({@code held}, by id).
     */
    public static Set<Part> touched(Collection<IssueFacts> written, Map<Long, Part> heldParts,
            Map<Long, String> heldKeys) {
        Set<Part> parts = new HashSet<>(heldParts.values());
        for (IssueFacts facts : written) {
            parts.add(Part.of(facts));
            Part held = heldParts.get(facts.id());
            if (held == null || !held.projectKey().equals(facts.projectKey())
                    || !facts.key().equals(heldKeys.get(facts.id()))) {
                parts.add(Part.KEYS);
            }
        }
        return parts;
    }

    /**
     * The buckets among {@link #touched} whose every row written or replaced is an edit
     * in place: held before with the same project and key. A bucket a row joins, leaves
     * or is re-keyed in is not one, whatever else the write did there.
     */
    public static Set<Part> editedInPlace(Collection<IssueFacts> written, Map<Long, Part> heldParts,
            Map<Long, String> heldKeys) {
        Set<Part> edited = new HashSet<>();
        Set<Part> not = new HashSet<>();
        for (IssueFacts facts : written) {
            Part part = Part.of(facts);
            Part held = heldParts.get(facts.id());
            if (part.equals(held) && facts.key().equals(heldKeys.get(facts.id()))) {
                edited.add(part);
            }
            else {
                not.add(part);
                if (held != null) {
                    not.add(held);
                }
            }
        }
        edited.removeAll(not);
        return edited;
    }

}
