package dev.throughline.scoring;

import java.util.Objects;

/** One rejected input: which field and which rule it broke, in words a product owner understands. */
public record InputError(String field, String message) {

    public InputError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
