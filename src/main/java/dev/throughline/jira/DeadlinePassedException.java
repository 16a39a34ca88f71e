package dev.throughline.jira;

import java.io.IOException;

/**
 * Thrown inside the RestTemplate when the request's deadline passed; {@link JiraHttp}
 * turns it into a {@link JiraDeadlineException}.
 */
final class DeadlinePassedException extends IOException {

    private final boolean mayHaveWritten;

    DeadlinePassedException(String message, boolean mayHaveWritten, Throwable cause) {
        super(message, cause);
        this.mayHaveWritten = mayHaveWritten;
    }

    boolean mayHaveWritten() {
        return mayHaveWritten;
    }

}
