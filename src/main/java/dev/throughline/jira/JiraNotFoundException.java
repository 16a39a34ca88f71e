package dev.throughline.jira;

import java.util.List;
import java.util.Map;

/** Jira has no such resource, or the app may not see it (404). */
public class JiraNotFoundException extends JiraException {

    public JiraNotFoundException(String message, List<String> errorMessages, Map<String, String> errors) {
        super(message, 404, errorMessages, errors);
    }

}
