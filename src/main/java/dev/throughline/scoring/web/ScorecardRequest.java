package dev.throughline.scoring.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.scoring.Criterion;
import dev.throughline.scoring.ScorecardDefinition;
import dev.throughline.scoring.Scorecard;
import dev.throughline.web.RequestJson;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code PUT /api/scoring/scorecards/{id}}: a scorecard as an admin submits it
 * ({@code name, form, criteria}), read into a {@link ScorecardDefinition} field by field
 * so every error names its place, e.g. {@code criteria[1].weight}.
 */
final class ScorecardRequest {

    private static final Set<String> FIELDS = Set.of("name", "form", "criteria");

    private static final Set<String> CRITERION_FIELDS = Set.of("key", "name", "weight", "min", "max", "kind");

    private ScorecardRequest() {
    }

    static ScorecardDefinition from(String id, JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            errors.add(new FieldError("id", "Scorecard id must be 1 to 40 lower-case letters, digits or -"));
        }
        JsonNode raw = RequestJson.object(body, FIELDS, "is not a scorecard field", errors);
        String name = text(raw.get("name"));
        if (name == null || name.isBlank() || name.length() > 80) {
            errors.add(new FieldError("name", "Scorecard name must be 1 to 80 characters"));
        }
        Scorecard.Form form = null;
        try {
            form = Scorecard.Form.valueOf(String.valueOf(text(raw.get("form"))));
        }
        catch (IllegalArgumentException e) {
            errors.add(new FieldError("form", "Form must be WEIGHTED_SUM or BENEFIT_COST_RATIO"));
        }
        List<Criterion> criteria = new ArrayList<>();
        JsonNode list = raw.get("criteria");
        if (list != null && list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                criterion(list.get(i), "criteria[" + i + "]", errors).ifPresent(criteria::add);
            }
        }
        else {
            errors.add(new FieldError("criteria", "Criteria must be a list"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // the whole-card rules: count, unique keys, what a ratio needs
        new Scorecard(id, name, 1, form, criteria);
        return new ScorecardDefinition(name, form, criteria);
    }

    private static Optional<Criterion> criterion(JsonNode entry, String at, List<FieldError> errors) {
        if (!entry.isObject()) {
            errors.add(new FieldError(at, "must be an object"));
            return Optional.empty();
        }
        int before = errors.size();
        RequestJson.unknownFields(entry, CRITERION_FIELDS, at + ".", "is not a criterion field", errors);
        BigDecimal weight = number(entry.get("weight"), at + ".weight", errors);
        BigDecimal min = number(entry.get("min"), at + ".min", errors);
        BigDecimal max = number(entry.get("max"), at + ".max", errors);
        Criterion.Kind kind = null;
        try {
            kind = Criterion.Kind.valueOf(String.valueOf(text(entry.get("kind"))));
        }
        catch (IllegalArgumentException e) {
            errors.add(new FieldError(at + ".kind", "Kind must be BENEFIT or COST"));
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Criterion(text(entry.get("key")), text(entry.get("name")), weight, min, max, kind)
                .requireScaleWithinLimit());
        }
        catch (InvalidInputException e) {
            e.errors().forEach(error -> errors.add(new FieldError(at + "." + error.field(), error.message())));
            return Optional.empty();
        }
    }

    private static String text(JsonNode value) {
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static BigDecimal number(JsonNode value, String field, List<FieldError> errors) {
        if (value != null && value.isNumber() && !(value.isDouble() && !Double.isFinite(value.doubleValue()))) {
            return new BigDecimal(value.numberValue().toString());
        }
        errors.add(new FieldError(field, "must be a number"));
        return null;
    }

}
