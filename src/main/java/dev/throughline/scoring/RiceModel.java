package dev.throughline.scoring;

import java.math.BigDecimal;
import java.util.List;

/** RICE = Reach × Impact × Confidence ÷ Effort (Intercom's prioritisation score). */
public final class RiceModel extends FormulaModel {

    public static final String ID = "RICE";

    /**
     * Ten million people or events a period is more than any one product change reaches;
     * with effort of at least 0.01 person-months the score stays below 3 × 10⁹, a number
     * that shows exactly in the panel, the label, tables and CSV alike.
     */
    static final long MAX_REACH = 10_000_000L;

    /** A thousand person-months (80 people for a year) is the largest single item. */
    static final BigDecimal MAX_EFFORT = BigDecimal.valueOf(1000);

    /** Less than a hundredth of a person-month (about 1.6 hours) is not an estimate. */
    static final BigDecimal LEAST_EFFORT = new BigDecimal("0.01");

    public RiceModel() {
        super(ID, "RICE", 1, List.of(
                Part.factor(InputSpec.wholeNumber("reach", "Reach", "people or events per period", 0, null)
                    .withLimits(null, BigDecimal.valueOf(MAX_REACH))),
                Part.factor(InputSpec.oneOf("impact", "Impact", "0.25 minimal … 3 massive",
                        decimals("0.25", "0.5", "1", "2", "3"))),
                Part.percentFactor(
                        InputSpec.range("confidence", "Confidence", "%", BigDecimal.ZERO, false, Arithmetic.HUNDRED)
                            .withSuggested(decimals("100", "80", "50"))),
                Part.divisor(InputSpec.range("effort", "Effort", "person-months", BigDecimal.ZERO, true, null)
                    .withLimits(LEAST_EFFORT, MAX_EFFORT))));
    }

}
