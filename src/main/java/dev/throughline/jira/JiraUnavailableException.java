package dev.throughline.jira;

import java.util.List;
import java.util.Map;

/**
 * Jira answered 5xx, or did not answer in time, and retrying did not help (or was not
 * safe).
 */
public class JiraUnavailableException extends JiraException {

    public JiraUnavailableException(String message, int status, List<String> errorMessages,
            Map<String, String> errors) {
        super(message, status, errorMessages, errors);
    }

    public JiraUnavailableException(String message, Throwable cause) {
        super(message, 0, List.of(), Map.of(), cause);
    }

}
