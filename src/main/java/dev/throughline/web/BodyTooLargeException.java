package dev.throughline.web;

import java.io.IOException;

/**
 * A request body grew past {@code throughline.web.max-request-body} while it was read.
 */
final class BodyTooLargeException extends IOException {

    BodyTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }

    /** True when {@code failure} or one of its causes is this exception. */
    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

}
