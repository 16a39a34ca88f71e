package dev.throughline.problems;

import java.util.Optional;

/**
 * A save carried a version other than the stored one: someone else saved first, and
 * nothing was stored. Answered 409 naming {@code version}, with the {@code current}
 * stored thing (a theme, a program, a score, the settings; none when nothing is stored
 * any more) so the page can show what it would have overwritten. One exception for every
 * versioned thing, so every feature's lost-update check reads and answers the same way.
 */
public class StaleVersionException extends RuntimeException {

    private final transient Object current;

    public StaleVersionException(String message, Object current) {
        super(message);
        this.current = current;
    }

    /**
     * The usual message: "{@code what} was changed by someone else (you had version 1, it
     * is now version 2); reload and try again."
     */
    public static StaleVersionException of(String what, long expected, long now, Object current) {
        return new StaleVersionException(what + " was changed by someone else (you had version " + expected
                + ", it is now version " + now + "); reload and try again.", current);
    }

    /** What is stored now; empty when nothing is. */
    public Optional<Object> current() {
        return Optional.ofNullable(current);
    }

    /**
     * What is stored now, as the type the thrower stored (a feature answers only its own
     * stale saves).
     */
    public <T> Optional<T> current(Class<T> type) {
        return current().map(type::cast);
    }

}
