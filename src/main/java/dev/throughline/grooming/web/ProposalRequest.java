package dev.throughline.grooming.web;

import dev.throughline.grooming.ProposalOptions;
import dev.throughline.problems.BodyFields;
import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/boards/{boardId}/proposal}: {@code {pinned: [keys], dependencyAware,
 * unscoredLast}}, both flags true when absent. Components stay untyped so a wrong type is
 * answered 400 naming the field, not a parse error.
 */
record ProposalRequest(Object pinned, Object dependencyAware, Object unscoredLast) {

    /** The checked request; every problem reported at once, named by field. */
    record Checked(List<String> pinned, ProposalOptions options) {
    }

    Checked check() {
        List<FieldError> errors = new ArrayList<>();
        List<String> keys = BodyFields.issueKeys(pinned, "pinned", false, errors);
        ProposalOptions options = new ProposalOptions(BodyFields.flag(dependencyAware, "dependencyAware", true, errors),
                BodyFields.flag(unscoredLast, "unscoredLast", true, errors));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Checked(keys, options);
    }
}
