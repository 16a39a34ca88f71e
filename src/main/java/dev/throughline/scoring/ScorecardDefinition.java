package dev.throughline.scoring;

import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A scorecard as an admin submits it ({@code name, form, criteria}), checked field by
 * field so every error names its place, e.g. {@code criteria[1].weight}.
 */
public record ScorecardDefinition(String name, Scorecard.Form form, List<Criterion> criteria) {

    private static final Set<String> FIELDS = Set.of("name", "form", "criteria");

    private static final Set<String> CRITERION_FIELDS = Set.of("key", "name", "weight", "min", "max", "kind");

    public ScorecardDefinition {
        criteria = List.copyOf(criteria);
    }

    public static ScorecardDefinition parse(String id, Map<String, ?> raw) {
        List<FieldError> errors = new ArrayList<>();
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            errors.add(new FieldError("id", "Scorecard id must be 1 to 40 lower-case letters, digits or -"));
        }
        raw.keySet()
            .stream()
            .filter(key -> !FIELDS.contains(key))
            .sorted()
            .forEach(key -> errors.add(new FieldError(key, "is not a scorecard field")));
        String name = raw.get("name") instanceof String text ? text : null;
        if (name == null || name.isBlank() || name.length() > 80) {
            errors.add(new FieldError("name", "Scorecard name must be 1 to 80 characters"));
        }
        Scorecard.Form form = null;
        try {
            form = Scorecard.Form.valueOf(String.valueOf(raw.get("form")));
        }
        catch (IllegalArgumentException e) {
            errors.add(new FieldError("form", "Form must be WEIGHTED_SUM or BENEFIT_COST_RATIO"));
        }
        List<Criterion> criteria = new ArrayList<>();
        if (raw.get("criteria") instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                parseCriterion(list.get(i), "criteria[" + i + "]", errors).ifPresent(criteria::add);
            }
        }
        else {
            errors.add(new FieldError("criteria", "Criteria must be a list"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        new Scorecard(id, name, 1, form, criteria); // the whole-card rules: count, unique
                                                    // keys, what a ratio needs
        return new ScorecardDefinition(name, form, criteria);
    }

    private static Optional<Criterion> parseCriterion(Object entry, String at, List<FieldError> errors) {
        if (!(entry instanceof Map<?, ?> map)) {
            errors.add(new FieldError(at, "must be an object"));
            return Optional.empty();
        }
        int before = errors.size();
        map.keySet()
            .stream()
            .map(String::valueOf)
            .filter(key -> !CRITERION_FIELDS.contains(key))
            .sorted()
            .forEach(key -> errors.add(new FieldError(at + "." + key, "is not a criterion field")));
        BigDecimal weight = number(map.get("weight"), at + ".weight", errors);
        BigDecimal min = number(map.get("min"), at + ".min", errors);
        BigDecimal max = number(map.get("max"), at + ".max", errors);
        Criterion.Kind kind = null;
        try {
            kind = Criterion.Kind.valueOf(String.valueOf(map.get("kind")));
        }
        catch (IllegalArgumentException e) {
            errors.add(new FieldError(at + ".kind", "Kind must be BENEFIT or COST"));
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Criterion(text(map.get("key")), text(map.get("name")), weight, min, max, kind));
        }
        catch (InvalidInputException e) {
            e.errors().forEach(error -> errors.add(new FieldError(at + "." + error.field(), error.message())));
            return Optional.empty();
        }
    }

    private static String text(Object value) {
        return value instanceof String text ? text : null;
    }

    private static BigDecimal number(Object value, String field, List<FieldError> errors) {
        if (value instanceof Number number && !(value instanceof Double d && (d.isNaN() || d.isInfinite()))) {
            return new BigDecimal(number.toString());
        }
        errors.add(new FieldError(field, "must be a number"));
        return null;
    }
}
