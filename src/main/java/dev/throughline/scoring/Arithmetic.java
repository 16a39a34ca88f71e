package dev.throughline.scoring;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Exact decimal arithmetic for formulas: inputs have at most 6 decimals, divisions keep
 * 20 digits.
 */
final class Arithmetic {

    static final MathContext PRECISION = MathContext.DECIMAL128;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Arithmetic() {
    }

    static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, PRECISION);
    }

    static String plain(BigDecimal value) {
        return Score.round(value).toPlainString();
    }

}
