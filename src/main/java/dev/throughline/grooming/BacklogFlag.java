package dev.throughline.grooming;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** What a product owner should look at on a backlog row. */
public enum BacklogFlag {

    /** No value score ({@code throughline.value} absent or without a score). */
    UNSCORED,
    /** No story points in the board's estimation field. */
    NO_ESTIMATE,
    /** Not updated for the stale threshold (default 90 days). */
    STALE,
    /** An open issue (status category not done) blocks it. */
    BLOCKED,
    /** Linked to no roadmap theme. */
    NO_THEME,
    /** Its parent is done while it is still open. */
    PARENT_DONE;

    public static final int DEFAULT_STALE_DAYS = 90;

    /**
     * The flags of one issue.
     * @param facts what the backlog row knows about the issue
     * @param now the time the backlog is read
     * @param staleDays an issue not updated for at least this many whole days is stale
     */
    public static Set<BacklogFlag> of(Facts facts, Instant now, int staleDays) {
        Objects.requireNonNull(facts, "facts");
        if (staleDays < 1) {
            throw new IllegalArgumentException("stale days must be at least 1: " + staleDays);
        }
        Set<BacklogFlag> flags = EnumSet.noneOf(BacklogFlag.class);
        if (!facts.scored()) {
            flags.add(UNSCORED);
        }
        if (!facts.estimated()) {
            flags.add(NO_ESTIMATE);
        }
        if (facts.updated() != null && Duration.between(facts.updated(), now).toDays() >= staleDays) {
            flags.add(STALE);
        }
        if (facts.openBlockers() > 0) {
            flags.add(BLOCKED);
        }
        if (!facts.themed()) {
            flags.add(NO_THEME);
        }
        if (facts.open() && facts.parentDone()) {
            flags.add(PARENT_DONE);
        }
        return flags;
    }

    /**
     * @param updated when the issue was last updated; null when unknown (never stale
     * then)
     * @param openBlockers how many issues not done block it
     */
    public record Facts(boolean scored, boolean estimated, Instant updated, int openBlockers, boolean themed,
            boolean open, boolean parentDone) {

        public Facts {
            if (openBlockers < 0) {
                throw new IllegalArgumentException("open blockers cannot be negative: " + openBlockers);
            }
        }
    }

}
