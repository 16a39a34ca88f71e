package dev.throughline.scoring;

import java.math.BigDecimal;
import java.util.List;

/** RICE = Reach × Impact × Confidence ÷ Effort (Intercom's prioritisation score). */
public final class RiceModel extends FormulaModel {

    public static final String ID = "RICE";

    public RiceModel() {
        super(ID, "RICE", 1, List.of(
                Part.factor(InputSpec.wholeNumber("reach", "Reach", "people or events per period", 0, null)),
                Part.factor(InputSpec.oneOf("impact", "Impact", "0.25 minimal … 3 massive",
                        decimals("0.25", "0.5", "1", "2", "3"))),
                Part.percentFactor(
                        InputSpec.range("confidence", "Confidence", "%", BigDecimal.ZERO, false, Arithmetic.HUNDRED)
                            .withSuggested(decimals("100", "80", "50"))),
                Part.divisor(InputSpec.range("effort", "Effort", "person-months", BigDecimal.ZERO, true, null))));
    }

}
