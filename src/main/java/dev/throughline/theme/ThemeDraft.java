package dev.throughline.theme;

import dev.throughline.problems.BodyFields;
import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A theme as a product manager submits it, checked field by field: every rule broken is
 * reported at once, naming the field, and nothing is stored unless all pass. Absent
 * optional fields take their defaults.
 */
public record ThemeDraft(String name, String description, ThemeColor color, ThemeStatus status, Horizon horizon,
        Optional<Quarter> startQuarter, Optional<Quarter> endQuarter, String outcome, Optional<String> owner,
        Optional<Integer> sortOrder, Optional<Long> version) {

    private static final Set<String> FIELDS = Set.of("name", "description", "color", "status", "horizon",
            "startQuarter", "endQuarter", "outcome", "owner", "sortOrder", "version");

    /**
     * {@code versionRequired}: updates must say which version they read; creates must not
     * send one.
     */
    public static ThemeDraft parse(Map<String, ?> body, boolean versionRequired) {
        List<FieldError> errors = new ArrayList<>();
        body.keySet()
            .stream()
            .filter(key -> !FIELDS.contains(key) && !key.equals("id"))
            .sorted()
            .forEach(key -> errors.add(new FieldError(key, "is not a theme field")));
        String name = text(body, "name", errors).map(String::strip).orElse(null);
        if (name == null || name.isEmpty() || name.length() > Theme.MAX_NAME) {
            errors.add(new FieldError("name", "Name must be 1 to " + Theme.MAX_NAME + " characters"));
        }
        String description = text(body, "description", errors).orElse("");
        if (description.length() > Theme.MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "Description must be at most 2,000 characters"));
        }
        String outcome = text(body, "outcome", errors).orElse("");
        if (outcome.length() > Theme.MAX_OUTCOME) {
            errors.add(new FieldError("outcome", "Outcome must be at most 500 characters"));
        }
        ThemeColor color = choice(body, "color", ThemeColor.class, ThemeColor.BLUE, errors);
        ThemeStatus status = choice(body, "status", ThemeStatus.class, ThemeStatus.PROPOSED, errors);
        Horizon horizon = choice(body, "horizon", Horizon.class, Horizon.LATER, errors);
        Optional<Quarter> start = quarter(body, "startQuarter", errors);
        Optional<Quarter> end = quarter(body, "endQuarter", errors);
        if (start.isPresent() && end.isPresent() && end.get().compareTo(start.get()) < 0) {
            errors.add(new FieldError("endQuarter",
                    "End quarter must not be before the start quarter (" + start.get() + ")"));
        }
        Optional<String> owner = text(body, "owner", errors).filter(o -> !o.isBlank());
        if (owner.isPresent() && !owner.get().matches("[A-Za-z0-9:_-]{1,128}")) {
            errors.add(new FieldError("owner", "Owner must be a Jira accountId"));
        }
        Optional<Integer> sortOrder = BodyFields.whole(body, "sortOrder", 0, 1_000_000, errors).map(Long::intValue);
        Optional<Long> version = BodyFields.version(body, versionRequired, "theme", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ThemeDraft(name, description, color, status, horizon, start, end, outcome, owner, sortOrder,
                version);
    }

    private static Optional<String> text(Map<String, ?> body, String field, List<FieldError> errors) {
        Object value = body.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            return Optional.of(text);
        }
        errors.add(new FieldError(field, "must be text"));
        return Optional.empty();
    }

    private static <E extends Enum<E>> E choice(Map<String, ?> body, String field, Class<E> type, E fallback,
            List<FieldError> errors) {
        Optional<String> value = text(body, field, errors);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.get().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of " + String.join(", ",
                    Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList())));
            return fallback;
        }
    }

    private static Optional<Quarter> quarter(Map<String, ?> body, String field, List<FieldError> errors) {
        Optional<String> value = text(body, field, errors).filter(v -> !v.isBlank());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Quarter.parse(value.get()));
        }
        catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be a quarter such as 2027-Q1"));
            return Optional.empty();
        }
    }
}
