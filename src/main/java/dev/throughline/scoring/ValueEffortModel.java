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

    /**
     * Ten thousand points or person-days bounds one item; with effort of at least 0.01
     * the score is at most 10,000.
     */
    static final BigDecimal MAX_EFFORT = BigDecimal.valueOf(10_000);

    private final QuadrantThresholds thresholds;

    public ValueEffortModel(QuadrantThresholds thresholds) {
        super(ID, "Value / Effort", 1, List.of(
                Part.factor(InputSpec.range("value", "Value", "0–100", BigDecimal.ZERO, false, Arithmetic.HUNDRED)),
                Part.divisor(InputSpec.range("effort", "Effort", "points or person-days", BigDecimal.ZERO, true, null)
                    .withLimits(RiceModel.LEAST_EFFORT, MAX_EFFORT))));
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
