package dev.throughline.problems;

import java.util.Objects;

/**
 * One rejected input: which field (a dotted path such as {@code inputs.effort}) and which
 * rule it broke, in words the user understands.
 */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
