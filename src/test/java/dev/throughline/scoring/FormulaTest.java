package dev.throughline.scoring;

import dev.throughline.problems.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormulaTest {

    @Test
    void riceOfTheWorkedExampleIs200() {
        Score score = new RiceModel().evaluate(Map.of("reach", 500, "impact", 2, "confidence", 80, "effort", 4));

        assertThat(score.value()).isEqualByComparingTo("200");
        assertThat(score.breakdown().formula()).isEqualTo("500 × 2 × 80% ÷ 4 = 200");
        assertThat(score.breakdown().terms()).extracting(Term::key)
            .containsExactly("reach", "impact", "confidence", "effort");
        assertThat(score.breakdown().terms().get(2).contribution()).isEqualByComparingTo("0.8");
    }

    @Test
    void riceWithZeroReachOrConfidenceIsZero() {
        RiceModel rice = new RiceModel();

        assertThat(rice.evaluate(Map.of("reach", 0, "impact", 3, "confidence", 100, "effort", 1)).value())
            .isEqualByComparingTo("0");
        assertThat(rice.evaluate(Map.of("reach", 10, "impact", 3, "confidence", 0, "effort", 1)).value())
            .isEqualByComparingTo("0");
    }

    @Test
    void riceRoundsToFourDecimals() {
        Score score = new RiceModel().evaluate(Map.of("reach", 1000, "impact", 1, "confidence", 80, "effort", 3));

        assertThat(score.value()).isEqualByComparingTo("266.6667");
    }

    @Test
    void riceAcceptsFractionalEffortAndMinimalImpact() {
        Score score = new RiceModel().evaluate(Map.of("reach", 100, "impact", 0.25, "confidence", 50, "effort", 0.5));

        assertThat(score.value()).isEqualByComparingTo("25");
    }

    @Test
    void wsjfOfTheWorkedExampleIs3Point2() {
        Score score = new WsjfModel()
            .evaluate(Map.of("businessValue", 8, "timeCriticality", 5, "riskReduction", 3, "jobSize", 5));

        assertThat(score.value()).isEqualByComparingTo("3.2");
        assertThat(score.breakdown().formula()).isEqualTo("(8 + 5 + 3) ÷ 5 = 3.2");
    }

    @Test
    void wsjfExtremesAreSixtyAndOneTwentieth() {
        WsjfModel wsjf = new WsjfModel();

        assertThat(wsjf.evaluate(Map.of("businessValue", 20, "timeCriticality", 20, "riskReduction", 20, "jobSize", 1))
            .value()).isEqualByComparingTo("60");
        assertThat(wsjf.evaluate(Map.of("businessValue", 1, "timeCriticality", 1, "riskReduction", 1, "jobSize", 20))
            .value()).isEqualByComparingTo("0.15");
    }

    @Test
    void iceMultipliesItsThreeInputs() {
        IceModel ice = new IceModel();

        assertThat(ice.evaluate(Map.of("impact", 8, "confidence", 5, "ease", 3)).value()).isEqualByComparingTo("120");
        assertThat(ice.evaluate(Map.of("impact", 10, "confidence", 10, "ease", 10)).value())
            .isEqualByComparingTo("1000");
        assertThat(ice.evaluate(Map.of("impact", 1, "confidence", 1, "ease", 1)).value()).isEqualByComparingTo("1");
    }

    @Test
    void valueEffortDividesAndPlacesTheQuadrant() {
        ValueEffortModel model = new ValueEffortModel(QuadrantThresholds.DEFAULT);

        Score quickWin = model.evaluate(Map.of("value", 80, "effort", 2));
        assertThat(quickWin.value()).isEqualByComparingTo("40");
        assertThat(quickWin.quadrant()).contains(Quadrant.QUICK_WIN);
        assertThat(model.evaluate(Map.of("value", 80, "effort", 8)).quadrant()).contains(Quadrant.BIG_BET);
        assertThat(model.evaluate(Map.of("value", 20, "effort", 2)).quadrant()).contains(Quadrant.FILL_IN);
        assertThat(model.evaluate(Map.of("value", 20, "effort", 8)).quadrant()).contains(Quadrant.MONEY_PIT);
    }

    @Test
    void quadrantThresholdsAreInclusiveForValueAndExclusiveForEffort() {
        ValueEffortModel model = new ValueEffortModel(
                new QuadrantThresholds(new BigDecimal("60"), new BigDecimal("3")));

        assertThat(model.evaluate(Map.of("value", 60, "effort", 3)).quadrant()).contains(Quadrant.QUICK_WIN);
        assertThat(model.evaluate(Map.of("value", 59.5, "effort", 3.5)).quadrant()).contains(Quadrant.MONEY_PIT);
    }

    @Test
    void weightedSumScorecardSubtractsCosts() {
        Scorecard card = new Scorecard("growth", "Growth", 1, Scorecard.Form.WEIGHTED_SUM,
                List.of(criterion("revenue", "Revenue", "3", Criterion.Kind.BENEFIT),
                        criterion("retention", "Retention", "2", Criterion.Kind.BENEFIT),
                        criterion("risk", "Risk", "1.5", Criterion.Kind.COST)));

        Score score = new ScorecardModel(card).evaluate(Map.of("revenue", 4, "retention", 5, "risk", 2));

        assertThat(score.value()).isEqualByComparingTo("19");
        assertThat(score.breakdown().terms()).extracting(Term::contribution)
            .usingElementComparator(BigDecimal::compareTo)
            .containsExactly(new BigDecimal("12"), new BigDecimal("10"), new BigDecimal("-3"));
        assertThat(score.breakdown().formula()).isEqualTo("benefits 22 − costs 3 = 19");
    }

    @Test
    void ratioScorecardDividesBenefitsByCosts() {
        Scorecard card = new Scorecard("ratio", "Ratio", 1, Scorecard.Form.BENEFIT_COST_RATIO,
                List.of(criterion("value", "Value", "2", Criterion.Kind.BENEFIT),
                        criterion("effort", "Effort", "1", Criterion.Kind.COST)));

        assertThat(new ScorecardModel(card).evaluate(Map.of("value", 5, "effort", 4)).value())
            .isEqualByComparingTo("2.5");
    }

    @Test
    void ratioScorecardWithZeroCostIsRejected() {
        Scorecard card = new Scorecard("ratio", "Ratio", 1, Scorecard.Form.BENEFIT_COST_RATIO,
                List.of(criterion("value", "Value", "2", Criterion.Kind.BENEFIT),
                        criterion("effort", "Effort", "1", Criterion.Kind.COST)));

        assertThatThrownBy(() -> new ScorecardModel(card).evaluate(Map.of("value", 5, "effort", 0)))
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("cost");
    }

    @Test
    void scoreOfAnIssueDependsOnlyOnItsOwnInputs() {
        RiceModel rice = new RiceModel();
        Map<String, Object> inputs = Map.of("reach", 500, "impact", 2, "confidence", 80, "effort", 4);
        BigDecimal before = rice.evaluate(inputs).value();

        rice.evaluate(Map.of("reach", 99999, "impact", 3, "confidence", 100, "effort", 0.1));

        assertThat(rice.evaluate(inputs).value()).isEqualByComparingTo(before);
    }

    static Criterion criterion(String key, String name, String weight, Criterion.Kind kind) {
        return new Criterion(key, name, new BigDecimal(weight), BigDecimal.ZERO, BigDecimal.TEN, kind);
    }

}
