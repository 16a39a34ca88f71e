package dev.throughline.program.service;

import java.time.Duration;

/**
 * The program's fetch did not end within the time the request may wait for it. Nothing
 * failed: the fetch goes on in the background and its result is cached, so asking again
 * after {@link #retryAfter()} answers from it.
 */
public class StillReadingException extends RuntimeException {

    /**
     * Long enough for a little more to be read, short enough that the page shows the
     * rollup soon after.
     */
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final ProgramRollupService.Progress progress;

    StillReadingException(long read, long approximateTotal) {
        super("Still reading the program from Jira: " + String.format("%,d", read) + (approximateTotal >= 0
                ? " of about " + String.format("%,d", approximateTotal) + " issues read." : " issues read so far.")
                + " This page refreshes when it is ready.");
        this.progress = new ProgramRollupService.Progress(true, read, approximateTotal);
    }

    /** How far the fetch has got, as the progress endpoint says it. */
    public ProgramRollupService.Progress progress() {
        return progress;
    }

    public Duration retryAfter() {
        return RETRY_AFTER;
    }

}
