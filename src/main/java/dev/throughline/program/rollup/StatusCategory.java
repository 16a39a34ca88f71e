package dev.throughline.program.rollup;

import java.util.Locale;

/**
 * Jira's three status categories; only DONE counts as done, whatever the workflow calls
 * its statuses.
 */
public enum StatusCategory {

    TODO, IN_PROGRESS, DONE;

    /** Maps Jira's statusCategory key ("new", "indeterminate", "done"). */
    public static StatusCategory fromJiraKey(String key) {
        if (key == null) {
            throw new IllegalArgumentException("statusCategory key is missing");
        }
        switch (key.toLowerCase(Locale.ROOT)) {
            case "new":
                return TODO;
            case "indeterminate":
                return IN_PROGRESS;
            case "done":
                return DONE;
            default:
                throw new IllegalArgumentException("unknown statusCategory key: " + key);
        }
    }

    public boolean isDone() {
        return this == DONE;
    }

}
