package dev.throughline.grooming.web;

import dev.throughline.problems.BodyFields;
import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/boards/{boardId}/apply}: {@code {order: [keys], expectedCurrent:
 * [keys]}}, both required. Components stay untyped so a wrong type is answered 400 naming
 * the field, not a parse error.
 */
record ApplyRequest(Object order, Object expectedCurrent) {

    /** The checked request; every problem reported at once, named by field. */
    record Checked(List<String> order, List<String> expectedCurrent) {
    }

    Checked check() {
        List<FieldError> errors = new ArrayList<>();
        Checked checked = new Checked(BodyFields.issueKeys(order, "order", true, errors),
                BodyFields.issueKeys(expectedCurrent, "expectedCurrent", true, errors));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return checked;
    }
}
