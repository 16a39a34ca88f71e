package dev.throughline.readmodel;

/**
 * An issue's row edited in place (same id, project and key) by the write that gave its
 * bucket {@code revision}: a fold kept at an older revision takes {@code before} out and
 * folds {@code after} in, instead of folding the whole bucket again
 * ({@link IssueFactsStore#editsIn}).
 */
public record FactsEdit(long revision, IssueFacts before, IssueFacts after) {

    /** The revisions after {@code after} up to {@code upTo}, both of one bucket. */
    public record Range(long after, long upTo) {

        public Range {
            if (after < 0 || upTo < after) {
                throw new IllegalArgumentException("not a range of revisions: (" + after + ", " + upTo + "]");
            }
        }

    }

    public FactsEdit {
        if (before == null || after == null) {
            throw new IllegalArgumentException("an edit needs the row before and after");
        }
        if (revision < 1) {
            throw new IllegalArgumentException("revision " + revision + " was never written");
        }
        if (before.id() != after.id() || !before.projectKey().equals(after.projectKey())
                || !before.key().equals(after.key())) {
            throw new IllegalArgumentException("not an edit in place: " + before.key() + " in " + before.projectKey()
                    + " became " + after.key() + " in " + after.projectKey());
        }
    }

}
