package dev.throughline.scoring;

import java.util.List;

/** Thrown with every error found at once, so a form can mark all bad fields together. */
public class InvalidInputsException extends IllegalArgumentException {

    private final List<InputError> errors;

    public InvalidInputsException(List<InputError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.errors = List.copyOf(errors);
    }

    public InvalidInputsException(String field, String message) {
        this(List.of(new InputError(field, message)));
    }

    public List<InputError> errors() {
        return errors;
    }
}
