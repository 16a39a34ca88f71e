package dev.throughline.problems;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Optional fields of a request body (JSON already read into a map), checked with the
 * rules and messages every draft shares; a broken rule is added to {@code errors} naming
 * the field, and the field then reads as absent.
 */
public final class BodyFields {

    private BodyFields() {
    }

    /**
     * A whole number from {@code min} to {@code max} (no upper limit when {@code max} is
     * Long.MAX_VALUE).
     */
    public static Optional<Long> whole(Map<String, ?> body, String field, long min, long max, List<FieldError> errors) {
        Object value = body.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= min
                && ((Number) value).longValue() <= max) {
            return Optional.of(((Number) value).longValue());
        }
        errors.add(new FieldError(field, max == Long.MAX_VALUE ? "must be a whole number from " + min
                : "must be a whole number from " + min + " to " + max));
        return Optional.empty();
    }

    /** {@code true} or {@code false}; false when absent. */
    public static boolean flag(Map<String, ?> body, String field, List<FieldError> errors) {
        return flag(body.get(field), field, false, errors);
    }

    /**
     * {@code value} (field {@code field} of a body) as {@code true} or {@code false};
     * {@code fallback} when absent.
     */
    public static boolean flag(Object value, String field, boolean fallback, List<FieldError> errors) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value != null) {
            errors.add(new FieldError(field, "must be true or false"));
        }
        return fallback;
    }

    /**
     * {@code value} (field {@code field} of a body) as a list of issue keys
     * ({@link JiraKeys#isIssueKey}); an empty list when absent and not {@code required}.
     */
    public static List<String> issueKeys(Object value, String field, boolean required, List<FieldError> errors) {
        if (value == null && !required) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(JiraKeys::isIssueKey)) {
            errors.add(new FieldError(field, "Give a list of issue keys such as [\"WEB-1\", \"WEB-2\"]"));
            return List.of();
        }
        return list.stream().map(String.class::cast).toList();
    }

    /**
     * The {@code version} a stored thing was read at: an update must send it (lost-update
     * check), a create must not, since nothing is stored yet ({@code what}: "program",
     * "theme").
     */
    public static Optional<Long> version(Map<String, ?> body, boolean required, String what, List<FieldError> errors) {
        Optional<Long> version = whole(body, "version", 1, Long.MAX_VALUE, errors);
        if (required && version.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("version"))) {
            errors.add(new FieldError("version", "Version is required: send the version you read"));
        }
        if (!required && body.containsKey("version")) {
            errors.add(new FieldError("version", "A new " + what + " has no version yet"));
        }
        return version;
    }

}
