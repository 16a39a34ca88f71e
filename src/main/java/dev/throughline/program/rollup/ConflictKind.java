package dev.throughline.program.rollup;

/** Why a blocking link threatens a date. */
enum ConflictKind {

    /** The blocker is due after the item it blocks. */
    BLOCKER_DUE_AFTER_BLOCKED_DUE,
    /** The blocker is due after the end of a theme the blocked item belongs to. */
    BLOCKER_DUE_AFTER_THEME_END

}
