package dev.throughline.problems;

/**
 * The caller is known but Jira's permissions do not let them do this (403); the message
 * says which.
 */
public class NotAllowedException extends RuntimeException {

    public NotAllowedException(String message) {
        super(message);
    }

}
