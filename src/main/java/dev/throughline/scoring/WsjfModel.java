package dev.throughline.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * WSJF (SAFe) = (User-business value + Time criticality + Risk reduction / opportunity enablement) ÷ Job size,
 * every input on the modified Fibonacci scale.
 */
public final class WsjfModel implements ScoringModel {

    public static final String ID = "WSJF";
    static final List<BigDecimal> FIBONACCI = RiceModel.decimals("1", "2", "3", "5", "8", "13", "20");
    private static final List<InputSpec> INPUTS = List.of(
            InputSpec.oneOf("businessValue", "User-business value", "Fibonacci", FIBONACCI),
            InputSpec.oneOf("timeCriticality", "Time criticality", "Fibonacci", FIBONACCI),
            InputSpec.oneOf("riskReduction", "Risk reduction / opportunity enablement", "Fibonacci", FIBONACCI),
            InputSpec.oneOf("jobSize", "Job size", "Fibonacci", FIBONACCI));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "WSJF";
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
        BigDecimal value = in.get("businessValue");
        BigDecimal time = in.get("timeCriticality");
        BigDecimal risk = in.get("riskReduction");
        BigDecimal size = in.get("jobSize");
        BigDecimal costOfDelay = value.add(time).add(risk);
        BigDecimal score = Arithmetic.divide(costOfDelay, size);
        List<Term> terms = List.of(
                new Term("businessValue", "User-business value", value, Term.Role.ADDEND, value),
                new Term("timeCriticality", "Time criticality", time, Term.Role.ADDEND, time),
                new Term("riskReduction", "Risk reduction / opportunity enablement", risk, Term.Role.ADDEND, risk),
                new Term("jobSize", "Job size", size, Term.Role.DIVISOR, size));
        String formula = "(%s + %s + %s) ÷ %s = %s".formatted(Arithmetic.plain(value), Arithmetic.plain(time),
                Arithmetic.plain(risk), Arithmetic.plain(size), Arithmetic.plain(score));
        return new Score(score, new Breakdown(terms, formula));
    }
}
