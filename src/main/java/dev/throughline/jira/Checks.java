package dev.throughline.jira;

import java.util.Collection;
import java.util.Objects;
import java.util.regex.Pattern;

/** Shared validation for the records of this package. */
final class Checks {

    /**
     * Project key (upper-case letter, then letters, digits, underscores), a dash, a
     * number.
     */
    static final Pattern ISSUE_KEY = Pattern.compile("[A-Z][A-Z0-9_]*-[0-9]+");
    static final Pattern NUMERIC_ID = Pattern.compile("[0-9]+");

    /** Jira entity property keys: at most 255 characters. */
    static final int MAX_PROPERTY_KEY_LENGTH = 255;

    private Checks() {
    }

    static String issueKey(String key) {
        Objects.requireNonNull(key, "issue key");
        if (!ISSUE_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not an issue key: " + key);
        }
        return key;
    }

    static String numericId(String what, String id) {
        Objects.requireNonNull(id, what);
        if (!NUMERIC_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " must be numeric: " + id);
        }
        return id;
    }

    static String notBlank(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    static String propertyKey(String key) {
        notBlank("property key", key);
        if (key.length() > MAX_PROPERTY_KEY_LENGTH) {
            throw new IllegalArgumentException("property key longer than 255 characters: " + key);
        }
        return key;
    }

    static long positive(String what, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive: " + value);
        }
        return value;
    }

    static <T extends Collection<?>> T noNulls(String what, T values) {
        Objects.requireNonNull(values, what);
        if (values.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(what + " must not contain null");
        }
        return values;
    }

}
