package dev.throughline.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Value ÷ Effort, with the item placed in the value/effort matrix at the site's
 * thresholds.
 */
final class ValueEffortModel extends FormulaModel {

    public static final String ID = "VALUE_EFFORT";

    private final QuadrantThresholds thresholds;

    public ValueEffortModel(QuadrantThresholds thresholds) {
        super(ID, "Value / Effort", 1, List.of(
                Part.factor(InputSpec.range("value", "Value", "0–100", BigDecimal.ZERO, false, Arithmetic.HUNDRED)),
                Part.divisor(
                        InputSpec.range("effort", "Effort", "points or person-days", BigDecimal.ZERO, true, null))));
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    public QuadrantThresholds thresholds() {
        return thresholds;
    }

    @Override
    public Score evaluate(ScoreInputs in) {
        Score score = super.evaluate(in);
        return new Score(score.value(), score.breakdown(),
                Optional.of(thresholds.place(in.get("value"), in.get("effort"))));
    }

}
