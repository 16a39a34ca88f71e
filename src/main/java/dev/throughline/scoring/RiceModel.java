package dev.throughline.scoring;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** RICE = Reach × Impact × Confidence ÷ Effort (Intercom's prioritisation score). */
public final class RiceModel implements ScoringModel {

    public static final String ID = "RICE";
    private static final List<BigDecimal> IMPACTS = decimals("0.25", "0.5", "1", "2", "3");
    private static final List<InputSpec> INPUTS = List.of(
            InputSpec.wholeNumber("reach", "Reach", "people or events per period", 0, null),
            InputSpec.oneOf("impact", "Impact", "0.25 minimal … 3 massive", IMPACTS),
            InputSpec.range("confidence", "Confidence", "%", BigDecimal.ZERO, false, Arithmetic.HUNDRED)
                    .withSuggested(decimals("100", "80", "50")),
            InputSpec.range("effort", "Effort", "person-months", BigDecimal.ZERO, true, null));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "RICE";
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
        BigDecimal reach = in.get("reach");
        BigDecimal impact = in.get("impact");
        BigDecimal confidence = in.get("confidence");
        BigDecimal effort = in.get("effort");
        BigDecimal confidenceShare = Arithmetic.divide(confidence, Arithmetic.HUNDRED);
        BigDecimal value = Arithmetic.divide(reach.multiply(impact).multiply(confidenceShare), effort);
        List<Term> terms = List.of(
                new Term("reach", "Reach", reach, Term.Role.FACTOR, reach),
                new Term("impact", "Impact", impact, Term.Role.FACTOR, impact),
                new Term("confidence", "Confidence", confidence, Term.Role.FACTOR, confidenceShare),
                new Term("effort", "Effort", effort, Term.Role.DIVISOR, effort));
        String formula = "%s × %s × %s%% ÷ %s = %s".formatted(Arithmetic.plain(reach), Arithmetic.plain(impact),
                Arithmetic.plain(confidence), Arithmetic.plain(effort), Arithmetic.plain(value));
        return new Score(value, new Breakdown(terms, formula));
    }

    static List<BigDecimal> decimals(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
