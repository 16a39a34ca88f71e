package dev.throughline.scoring;

import java.math.BigDecimal;
import java.util.List;

/** ICE = Impact × Confidence × Ease, each from 1 to 10. */
public final class IceModel implements ScoringModel {

    public static final String ID = "ICE";
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final List<InputSpec> INPUTS = List.of(
            InputSpec.range("impact", "Impact", "1–10", ONE, false, TEN),
            InputSpec.range("confidence", "Confidence", "1–10", ONE, false, TEN),
            InputSpec.range("ease", "Ease", "1–10", ONE, false, TEN));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "ICE";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public List<InputSpec> inputs() {
        return INPUTS;
    }

    @Override
    public Score evaluate(ScoreInputs in) {
        BigDecimal impact = in.get("impact");
        BigDecimal confidence = in.get("confidence");
        BigDecimal ease = in.get("ease");
        BigDecimal score = impact.multiply(confidence).multiply(ease);
        List<Term> terms = List.of(
                new Term("impact", "Impact", impact, Term.Role.FACTOR, impact),
                new Term("confidence", "Confidence", confidence, Term.Role.FACTOR, confidence),
                new Term("ease", "Ease", ease, Term.Role.FACTOR, ease));
        String formula = "%s × %s × %s = %s".formatted(Arithmetic.plain(impact), Arithmetic.plain(confidence),
                Arithmetic.plain(ease), Arithmetic.plain(score));
        return new Score(score, new Breakdown(terms, formula));
    }
}
