package dev.throughline.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * WSJF (SAFe) = (User-business value + Time criticality + Risk reduction / opportunity
 * enablement) ÷ Job size, every input on the modified Fibonacci scale.
 */
public final class WsjfModel extends FormulaModel {

    public static final String ID = "WSJF";
    static final List<BigDecimal> FIBONACCI = decimals("1", "2", "3", "5", "8", "13", "20");

    public WsjfModel() {
        super(ID, "WSJF", 1,
                List.of(Part.addend(InputSpec.oneOf("businessValue", "User-business value", "Fibonacci", FIBONACCI)),
                        Part.addend(InputSpec.oneOf("timeCriticality", "Time criticality", "Fibonacci", FIBONACCI)),
                        Part.addend(InputSpec.oneOf("riskReduction", "Risk reduction / opportunity enablement",
                                "Fibonacci", FIBONACCI)),
                        Part.divisor(InputSpec.oneOf("jobSize", "Job size", "Fibonacci", FIBONACCI))));
    }

}
