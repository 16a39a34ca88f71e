package dev.throughline.problems;

/**
 * Someone else is changing the same thing right now and did not finish within the wait we
 * allow (503): nothing was changed, and trying again shortly will work.
 */
public class BusyException extends RuntimeException {

    public BusyException(String message) {
        super(message);
    }

}
