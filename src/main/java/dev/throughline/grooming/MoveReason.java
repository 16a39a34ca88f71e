package dev.throughline.grooming;

import java.util.Objects;
import java.util.Optional;

/**
 * Why an issue stands where the proposal puts it, so the preview can say it in words.
 * <ul>
 * <li>{@code PINNED}: pinned, kept in its place.</li>
 * <li>{@code UNSCORED_IN_PLACE}: unscored, kept in its place (unscored-last is off).</li>
 * <li>{@code UNSCORED_LAST}: unscored, below every scored issue in its current
 * order.</li>
 * <li>{@code SCORE}: placed by its score among the issues of its model.</li>
 * <li>{@code BLOCKER}: would stand higher by its score but waits below {@code blocker},
 * an open issue that blocks it ({@code blockerUnscored} when that blocker has no score,
 * which is why it sank so far).</li>
 * <li>{@code PIN_LEFT_NO_CHOICE}: placed above a blocker because the blocker is pinned
 * lower down and nothing else was left for this slot.</li>
 * </ul>
 */
public record MoveReason(Kind kind, Optional<String> blocker, boolean blockerUnscored) {

    public enum Kind {

        PINNED, UNSCORED_IN_PLACE, UNSCORED_LAST, SCORE, BLOCKER, PIN_LEFT_NO_CHOICE

    }

    public MoveReason {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(blocker, "blocker");
        if (blocker.isPresent() != (kind == Kind.BLOCKER)) {
            throw new IllegalArgumentException("a blocker is named exactly when the reason is BLOCKER");
        }
    }

    public static MoveReason of(Kind kind) {
        return new MoveReason(kind, Optional.empty(), false);
    }

    public static MoveReason heldBy(String blocker, boolean unscored) {
        return new MoveReason(Kind.BLOCKER, Optional.of(blocker), unscored);
    }
}
