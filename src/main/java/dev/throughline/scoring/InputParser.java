package dev.throughline.scoring;

import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns untrusted input values (as decoded from a request) into {@link ScoreInputs} for a
 * model, collecting every error: missing inputs, inputs the model does not have, text,
 * NaN, infinities, more than {@value #MAX_DECIMALS} decimals and values outside the
 * input's rule.
 */
public final class InputParser {

    public static final int MAX_DECIMALS = 6;

    private InputParser() {
    }

    public static ScoreInputs parse(ScoringModel model, Map<String, ?> raw) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, BigDecimal> values = new HashMap<>();
        Map<String, ?> given = raw == null ? Map.of() : raw;
        for (InputSpec spec : model.inputs()) {
            String field = "inputs." + spec.key();
            if (!given.containsKey(spec.key()) || given.get(spec.key()) == null) {
                errors.add(new FieldError(field, spec.label() + " is required"));
                continue;
            }
            try {
                values.put(spec.key(), spec.check(number(spec, given.get(spec.key()))));
            }
            catch (InvalidInputException e) {
                e.errors().forEach(error -> errors.add(new FieldError(field, error.message())));
            }
        }
        given.keySet()
            .stream()
            .filter(key -> model.inputs().stream().noneMatch(spec -> spec.key().equals(key)))
            .sorted()
            .forEach(key -> errors.add(new FieldError("inputs." + key, "is not an input of " + model.name())));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ScoreInputs(values);
    }

    private static BigDecimal number(InputSpec spec, Object value) {
        BigDecimal number;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            number = BigDecimal.valueOf(((Number) value).longValue());
        }
        else if (value instanceof BigInteger big) {
            number = new BigDecimal(big);
        }
        else if (value instanceof BigDecimal decimal) {
            number = decimal;
        }
        else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw invalid(spec, "must be a finite number");
            }
            number = new BigDecimal(value.toString());
        }
        else if (value instanceof String) {
            throw invalid(spec, "must be a number, not text");
        }
        else {
            throw invalid(spec, "must be a number");
        }
        if (number.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw invalid(spec, "must have at most " + MAX_DECIMALS + " decimal places");
        }
        return number;
    }

    private static InvalidInputException invalid(InputSpec spec, String rule) {
        return new InvalidInputException(spec.key(), spec.label() + " " + rule);
    }

}
