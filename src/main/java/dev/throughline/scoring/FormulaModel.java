package dev.throughline.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A built-in model as data: id, name, version and its inputs, each with the part it plays
 * in one formula shape, (sum of the addends) × the factors ÷ the divisors. RICE, WSJF,
 * ICE and value ÷ effort differ only in that table, and the breakdown shows the numbers
 * in the same shape, e.g. "500 × 2 × 80% ÷ 4 = 200" or "(8 + 5 + 3) ÷ 5 = 3.2".
 */
class FormulaModel implements ScoringModel {

    /**
     * One input and its role in the formula. A percent input counts as its share of 100
     * (and is shown with a % sign), as RICE's confidence does.
     */
    public record Part(InputSpec input, Term.Role role, boolean percent) {

        public Part {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(role, "role");
            if (role == Term.Role.SUBTRAHEND) {
                throw new IllegalArgumentException("a formula model has no subtrahends: " + input.key());
            }
        }

        public static Part factor(InputSpec input) {
            return new Part(input, Term.Role.FACTOR, false);
        }

        public static Part percentFactor(InputSpec input) {
            return new Part(input, Term.Role.FACTOR, true);
        }

        public static Part addend(InputSpec input) {
            return new Part(input, Term.Role.ADDEND, false);
        }

        public static Part divisor(InputSpec input) {
            return new Part(input, Term.Role.DIVISOR, false);
        }

        BigDecimal contribution(BigDecimal value) {
            return percent ? Arithmetic.divide(value, Arithmetic.HUNDRED) : value;
        }

        String shown(BigDecimal value) {
            return Arithmetic.plain(value) + (percent ? "%" : "");
        }
    }

    private final String id;

    private final String name;

    private final int version;

    private final List<Part> parts;

    protected FormulaModel(String id, String name, int version, List<Part> parts) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.version = version;
        this.parts = List.copyOf(parts);
        if (version < 1 || this.parts.stream().noneMatch(part -> part.role() != Term.Role.DIVISOR)) {
            throw new IllegalArgumentException(id + " needs a version from 1 and an addend or a factor");
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public List<InputSpec> inputs() {
        return parts.stream().map(Part::input).toList();
    }

    @Override
    public Score evaluate(ScoreInputs in) {
        List<Term> terms = new ArrayList<>();
        BigDecimal sum = null;
        BigDecimal product = null;
        BigDecimal divisor = null;
        for (Part part : parts) {
            BigDecimal value = in.get(part.input().key());
            BigDecimal contribution = part.contribution(value);
            terms.add(new Term(part.input().key(), part.input().label(), value, part.role(), contribution));
            switch (part.role()) {
                case ADDEND -> sum = sum == null ? contribution : sum.add(contribution);
                case FACTOR -> product = product == null ? contribution : product.multiply(contribution);
                default -> divisor = divisor == null ? contribution : divisor.multiply(contribution);
            }
        }
        BigDecimal dividend = sum == null ? product : product == null ? sum : sum.multiply(product);
        BigDecimal score = divisor == null ? dividend : Arithmetic.divide(dividend, divisor);
        return new Score(score, new Breakdown(terms, formula(in, score)));
    }

    private String formula(ScoreInputs in, BigDecimal score) {
        String addends = shown(in, Term.Role.ADDEND, " + ");
        String factors = shown(in, Term.Role.FACTOR, " × ");
        String divisors = shown(in, Term.Role.DIVISOR, " ÷ ");
        String dividend = addends.isEmpty() ? factors
                : "(" + addends + ")" + (factors.isEmpty() ? "" : " × " + factors);
        return dividend + (divisors.isEmpty() ? "" : " ÷ " + divisors) + " = " + Arithmetic.plain(score);
    }

    private String shown(ScoreInputs in, Term.Role role, String between) {
        return parts.stream()
            .filter(part -> part.role() == role)
            .map(part -> part.shown(in.get(part.input().key())))
            .collect(Collectors.joining(between));
    }

    static List<BigDecimal> decimals(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

}
