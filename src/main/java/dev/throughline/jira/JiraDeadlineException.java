package dev.throughline.jira;

/**
 * The user's request ran out of time waiting on Jira (see {@link RequestDeadline}). Says
 * whether the unanswered call was a write Jira may have applied, so the answer can tell
 * the user what is known.
 */
public class JiraDeadlineException extends JiraUnavailableException {

    private final boolean mayHaveWritten;

    public JiraDeadlineException(String message, boolean mayHaveWritten, Throwable cause) {
        super(message, cause);
        this.mayHaveWritten = mayHaveWritten;
    }

    /**
     * True when the call left unanswered was a write: Jira may or may not have applied
     * it.
     */
    public boolean mayHaveWritten() {
        return mayHaveWritten;
    }

}
