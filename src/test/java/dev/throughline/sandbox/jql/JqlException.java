package dev.throughline.sandbox.jql;

/** A JQL query Jira would reject with 400; the message mimics Jira's wording. */
public class JqlException extends RuntimeException {

    public JqlException(String message) {
        super(message);
    }

}
