package dev.throughline.jira;

import java.util.List;
import java.util.Map;

/** Jira rejected the request as invalid (400). */
public class JiraBadRequestException extends JiraException {

    public JiraBadRequestException(String message, List<String> errorMessages, Map<String, String> errors) {
        super(message, 400, errorMessages, errors);
    }

}
