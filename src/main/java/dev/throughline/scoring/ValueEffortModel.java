package dev.throughline.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Value ÷ Effort, with the item placed in the value/effort matrix at the site's thresholds. */
public final class ValueEffortModel implements ScoringModel {

    public static final String ID = "VALUE_EFFORT";
    private static final List<InputSpec> INPUTS = List.of(
            InputSpec.range("value", "Value", "0–100", BigDecimal.ZERO, false, Arithmetic.HUNDRED),
            InputSpec.range("effort", "Effort", "points or person-days", BigDecimal.ZERO, true, null));

    private final QuadrantThresholds thresholds;

    public ValueEffortModel(QuadrantThresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Value / Effort";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<InputSpec> inputs() {
        return INPUTS;
    }

    public QuadrantThresholds thresholds() {
        return thresholds;
    }

    @Override
    public Score evaluate(ScoreInputs in) {
        BigDecimal value = in.get("value");
        BigDecimal effort = in.get("effort");
        BigDecimal score = Arithmetic.divide(value, effort);
        List<Term> terms = List.of(
                new Term("value", "Value", value, Term.Role.FACTOR, value),
                new Term("effort", "Effort", effort, Term.Role.DIVISOR, effort));
        String formula = "%s ÷ %s = %s".formatted(Arithmetic.plain(value), Arithmetic.plain(effort), Arithmetic.plain(score));
        return new Score(score, new Breakdown(terms, formula), Optional.of(thresholds.place(value, effort)));
    }
}
