package dev.throughline.scoring;

import java.math.BigDecimal;
import java.util.List;

/** ICE = Impact × Confidence × Ease, each from 1 to 10. */
final class IceModel extends FormulaModel {

    public static final String ID = "ICE";

    public IceModel() {
        super(ID, "ICE", 1,
                List.of(Part.factor(InputSpec.range("impact", "Impact", "1–10", BigDecimal.ONE, false, BigDecimal.TEN)),
                        Part.factor(InputSpec.range("confidence", "Confidence", "1–10", BigDecimal.ONE, false,
                                BigDecimal.TEN)),
                        Part.factor(InputSpec.range("ease", "Ease", "1–10", BigDecimal.ONE, false, BigDecimal.TEN))));
    }

}
