package dev.throughline.theme;

import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where a drag puts a theme: {@code {horizon, index, version}}, index being the position
 * in the column and version the one the card was read at.
 */
public record Placement(Horizon horizon, int index, long version) {

    public Placement {
        Objects.requireNonNull(horizon, "horizon");
        if (index < 0 || version < 1) {
            throw new IllegalArgumentException("index must be >= 0 and version >= 1");
        }
    }

    /** Every broken rule is a 400 naming its field; unknown fields are named too. */
    public static Placement parse(Map<String, ?> body) {
        List<FieldError> errors = new ArrayList<>();
        body.keySet()
            .stream()
            .filter(k -> !List.of("horizon", "index", "version").contains(k))
            .sorted()
            .forEach(k -> errors.add(new FieldError(k, "is not a field; send horizon, index and version")));
        Horizon horizon = null;
        try {
            horizon = Horizon.valueOf(String.valueOf(body.get("horizon")).toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            errors.add(new FieldError("horizon", "must be one of now, next, later"));
        }
        if (!(body.get("index") instanceof Integer index) || index < 0) {
            errors.add(new FieldError("index", "must be a whole number from 0 (the position in the column)"));
        }
        Object version = body.get("version");
        if (!(version instanceof Integer || version instanceof Long) || ((Number) version).longValue() < 1) {
            errors.add(new FieldError("version", "Version is required: send the version you read"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Placement(horizon, (Integer) body.get("index"), ((Number) version).longValue());
    }

}
