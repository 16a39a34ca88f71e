package dev.throughline.scoring;

import java.util.Optional;

/** A write carried a version other than the stored one: somebody else saved in between. Nothing was written. */
public class StaleVersionException extends RuntimeException {

    private final transient Optional<ValueRecord> current;

    public StaleVersionException(long expected, Optional<ValueRecord> current) {
        super("The score was changed by someone else (you had version " + expected + ", it is now version "
                + current.map(ValueRecord::version).orElse(0L) + "); reload and try again.");
        this.current = current;
    }

    public Optional<ValueRecord> current() {
        return current;
    }
}
