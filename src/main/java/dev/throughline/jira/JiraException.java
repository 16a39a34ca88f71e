package dev.throughline.jira;

import java.util.List;
import java.util.Map;

/**
 * A Jira call failed. Carries Jira's own explanation: the {@code errorMessages} and the
 * per-field {@code errors} of its error body, so callers can show users what Jira said.
 */
public class JiraException extends RuntimeException {

    private final int status;

    private final List<String> errorMessages;

    private final Map<String, String> errors;

    public JiraException(String message, int status, List<String> errorMessages, Map<String, String> errors,
            Throwable cause) {
        super(describe(message, errorMessages, errors), cause);
        this.status = status;
        this.errorMessages = List.copyOf(errorMessages);
        this.errors = Map.copyOf(errors);
    }

    public JiraException(String message, int status, List<String> errorMessages, Map<String, String> errors) {
        this(message, status, errorMessages, errors, null);
    }

    /**
     * The HTTP status Jira answered, or 0 when there was no answer (timeout, IO error).
     */
    public int status() {
        return status;
    }

    public List<String> errorMessages() {
        return errorMessages;
    }

    public Map<String, String> errors() {
        return errors;
    }

    private static String describe(String message, List<String> errorMessages, Map<String, String> errors) {
        StringBuilder text = new StringBuilder(message);
        if (!errorMessages.isEmpty()) {
            text.append(": ").append(String.join("; ", errorMessages));
        }
        if (!errors.isEmpty()) {
            text.append(' ').append(errors);
        }
        return text.toString();
    }

}
