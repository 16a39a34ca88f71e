package dev.throughline.scoring.service;

import dev.throughline.scoring.ValueRecord;

import java.util.Optional;

/** A save carried an old version: someone else saved first. Carries the current value; nothing was written. */
public class StaleValueException extends RuntimeException {

    private final transient Optional<ValueRecord> current;

    public StaleValueException(String issueKey, long expected, Optional<ValueRecord> current) {
        super("The score of " + issueKey + " was changed by someone else (you had version " + expected
                + ", it is now version " + current.map(ValueRecord::version).orElse(0L) + "); reload and try again.");
        this.current = current;
    }

    public Optional<ValueRecord> current() {
        return current;
    }
}
