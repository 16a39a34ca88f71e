package dev.throughline.jira;

import java.util.List;
import java.util.Map;

/** The app may not do this on this Jira site (403). */
public class JiraForbiddenException extends JiraException {

    public JiraForbiddenException(String message, List<String> errorMessages, Map<String, String> errors) {
        super(message, 403, errorMessages, errors);
    }

}
