package dev.throughline.scoring;

import dev.throughline.problems.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A {@link Scorecard} as a scoring model. */
final class ScorecardModel implements ScoringModel {

    private final Scorecard scorecard;

    public ScorecardModel(Scorecard scorecard) {
        this.scorecard = Objects.requireNonNull(scorecard, "scorecard");
    }

    public Scorecard scorecard() {
        return scorecard;
    }

    @Override
    public String id() {
        return scorecard.modelId();
    }

    @Override
    public String name() {
        return scorecard.name();
    }

    @Override
    public int version() {
        return scorecard.version();
    }

    @Override
    public List<InputSpec> inputs() {
        return scorecard.criteria().stream().map(Criterion::inputSpec).toList();
    }

    @Override
    public Score evaluate(ScoreInputs in) {
        BigDecimal benefits = BigDecimal.ZERO;
        BigDecimal costs = BigDecimal.ZERO;
        List<Term> terms = new ArrayList<>();
        for (Criterion criterion : scorecard.criteria()) {
            BigDecimal value = in.get(criterion.key());
            BigDecimal weighted = criterion.weight().multiply(value);
            boolean benefit = criterion.kind() == Criterion.Kind.BENEFIT;
            if (benefit) {
                benefits = benefits.add(weighted);
            }
            else {
                costs = costs.add(weighted);
            }
            terms.add(new Term(criterion.key(), criterion.name(), value,
                    benefit ? Term.Role.ADDEND : Term.Role.SUBTRAHEND, benefit ? weighted : weighted.negate()));
        }
        return scorecard.form() == Scorecard.Form.WEIGHTED_SUM ? weightedSum(benefits, costs, terms)
                : ratio(benefits, costs, terms);
    }

    private static Score weightedSum(BigDecimal benefits, BigDecimal costs, List<Term> terms) {
        BigDecimal score = benefits.subtract(costs);
        String formula = "benefits %s − costs %s = %s".formatted(Arithmetic.plain(benefits), Arithmetic.plain(costs),
                Arithmetic.plain(score));
        return new Score(score, new Breakdown(terms, formula));
    }

    private static Score ratio(BigDecimal benefits, BigDecimal costs, List<Term> terms) {
        if (costs.signum() == 0) {
            throw new InvalidInputException("inputs",
                    "The cost criteria add up to 0, so benefit ÷ cost is undefined; give at least one cost a value above 0");
        }
        BigDecimal score = Arithmetic.divide(benefits, costs);
        String formula = "benefits %s ÷ costs %s = %s".formatted(Arithmetic.plain(benefits), Arithmetic.plain(costs),
                Arithmetic.plain(score));
        return new Score(score, new Breakdown(terms, formula));
    }

}
