package dev.throughline.program.rollup;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The blocker's due date lands after {@code limit} (the blocked item's due date or a
 * theme's end).
 */
public record DependencyConflict(ConflictKind kind, LocalDate blockerDue, LocalDate limit, Optional<String> themeId) {

    public DependencyConflict {
        if (kind == null || blockerDue == null || limit == null || themeId == null) {
            throw new IllegalArgumentException("conflict needs kind, dates and theme");
        }
        if (!blockerDue.isAfter(limit)) {
            throw new IllegalArgumentException("not a conflict: blocker due " + blockerDue + " is not after " + limit);
        }
        if (themeId.isPresent() != (kind == ConflictKind.BLOCKER_DUE_AFTER_THEME_END)) {
            throw new IllegalArgumentException("only theme-end conflicts name a theme");
        }
    }
}
