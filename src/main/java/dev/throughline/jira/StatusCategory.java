package dev.throughline.jira;

import java.util.Arrays;
import java.util.Optional;

/**
 * Jira's three fixed status categories, by their stable keys (names are localised, keys
 * are not).
 */
public enum StatusCategory {

    NEW("new"), INDETERMINATE("indeterminate"), DONE("done");

    private final String key;

    StatusCategory(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Empty for "undefined" and anything unknown. */
    public static Optional<StatusCategory> ofKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }

}
