package dev.throughline.jira;

import java.util.List;
import java.util.Map;

/** Jira did not accept the app's credentials (401). */
public class JiraUnauthorizedException extends JiraException {

    public JiraUnauthorizedException(String message, List<String> errorMessages, Map<String, String> errors) {
        super(message, 401, errorMessages, errors);
    }

}
