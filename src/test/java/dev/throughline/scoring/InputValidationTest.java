package dev.throughline.scoring;

import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputValidationTest {

    private final RiceModel rice = new RiceModel();

    @Test
    void scoreWhenEffortIsZeroIsRejected() {
        assertThat(errors(rice, Map.of("reach", 1, "impact", 1, "confidence", 50, "effort", 0)))
            .containsExactly(new FieldError("inputs.effort", "Effort must be greater than 0"));
    }

    @Test
    void everyRiceInputHasAnUpperLimitNamedInTheMessage() {
        assertThat(errors(rice, Map.of("reach", new BigDecimal("1e300"), "impact", 1, "confidence", 50, "effort", 1)))
            .containsExactly(new FieldError("inputs.reach", "Reach must be at most 10000000"));
        assertThat(errors(rice, Map.of("reach", 1, "impact", 1, "confidence", 50, "effort", 1001)))
            .containsExactly(new FieldError("inputs.effort", "Effort must be at most 1000"));
        assertThat(errors(rice, Map.of("reach", 1, "impact", 1, "confidence", 50, "effort", new BigDecimal("0.009"))))
            .containsExactly(new FieldError("inputs.effort", "Effort must be at least 0.01"));
        assertThat(rice.inputs().get(3).rangeText()).isEqualTo("must be at least 0.01 and at most 1000");
    }

    @Test
    void theLargestRiceScoreShowsExactlyAsAJavaScriptNumber() {
        BigDecimal largest = rice
            .evaluate(Map.of("reach", 10_000_000, "impact", 3, "confidence", 100, "effort", new BigDecimal("0.01")))
            .value();
        assertThat(largest).isEqualByComparingTo("3000000000");
        BigDecimal awkward = rice
            .evaluate(
                    Map.of("reach", 9_999_999, "impact", 3, "confidence", 99.999999, "effort", new BigDecimal("0.07")))
            .value();
        // a double keeps 15 significant digits: the panel's number and the label's text
        // agree
        assertThat(awkward.precision()).isLessThanOrEqualTo(15);
        assertThat(new BigDecimal(Double.toString(awkward.doubleValue()))).isEqualByComparingTo(awkward);
    }

    @Test
    void valueEffortAndScorecardScalesAreBounded() {
        assertThat(errors(new ValueEffortModel(QuadrantThresholds.DEFAULT), Map.of("value", 50, "effort", 10_001)))
            .containsExactly(new FieldError("inputs.effort", "Effort must be at most 10000"));
        assertThatThrownBy(() -> new Criterion("revenue", "Revenue", BigDecimal.ONE, BigDecimal.ZERO,
                BigDecimal.valueOf(10_001), Criterion.Kind.BENEFIT)
            .requireScaleWithinLimit()).isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("must not go above 10000");
    }

    @Test
    void negativeReachIsRejected() {
        assertThat(errors(rice, Map.of("reach", -1, "impact", 1, "confidence", 50, "effort", 1)))
            .containsExactly(new FieldError("inputs.reach", "Reach must be at least 0"));
    }

    @Test
    void fractionalReachIsRejected() {
        assertThat(errors(rice, Map.of("reach", 1.5, "impact", 1, "confidence", 50, "effort", 1)))
            .containsExactly(new FieldError("inputs.reach", "Reach must be a whole number"));
    }

    @Test
    void impactOutsideTheScaleIsRejected() {
        assertThat(errors(rice, Map.of("reach", 1, "impact", 1.5, "confidence", 50, "effort", 1)))
            .containsExactly(new FieldError("inputs.impact", "Impact must be one of 0.25, 0.5, 1, 2, 3"));
    }

    @Test
    void confidenceAboveHundredIsRejected() {
        assertThat(errors(rice, Map.of("reach", 1, "impact", 1, "confidence", 100.5, "effort", 1)))
            .containsExactly(new FieldError("inputs.confidence", "Confidence must be between 0 and 100"));
    }

    @Test
    void missingInputsAreEachNamed() {
        assertThat(errors(rice, Map.of("reach", 1))).extracting(FieldError::field)
            .containsExactly("inputs.impact", "inputs.confidence", "inputs.effort");
    }

    @Test
    void extraInputIsRejected() {
        assertThat(errors(rice, Map.of("reach", 1, "impact", 1, "confidence", 50, "effort", 1, "mood", 3)))
            .containsExactly(new FieldError("inputs.mood", "is not an input of RICE"));
    }

    @Test
    void textNanInfinityAndNullAreRejected() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("reach", "500");
        raw.put("impact", Double.NaN);
        raw.put("confidence", Double.POSITIVE_INFINITY);
        raw.put("effort", null);

        assertThat(errors(rice, raw)).containsExactly(
                new FieldError("inputs.reach", "Reach must be a number, not text"),
                new FieldError("inputs.impact", "Impact must be a finite number"),
                new FieldError("inputs.confidence", "Confidence must be a finite number"),
                new FieldError("inputs.effort", "Effort is required"));
    }

    @Test
    void moreThanSixDecimalsIsRejectedButSixAreFine() {
        assertThat(
                errors(rice, Map.of("reach", 1, "impact", 1, "confidence", 50, "effort", new BigDecimal("0.1234567"))))
            .containsExactly(new FieldError("inputs.effort", "Effort must have at most 6 decimal places"));
        assertThat(
                rice.evaluate(Map.of("reach", 1, "impact", 1, "confidence", 50, "effort", new BigDecimal("0.123456")))
                    .value())
            .isPositive();
    }

    @Test
    void trailingZerosDoNotCountAsDecimals() {
        assertThat(rice
            .evaluate(Map.of("reach", new BigDecimal("500.0000000"), "impact", 2, "confidence", 80, "effort", 4))
            .value()).isEqualByComparingTo("200");
    }

    @Test
    void wsjfInputsOffTheFibonacciScaleAreRejected() {
        assertThat(errors(new WsjfModel(),
                Map.of("businessValue", 4, "timeCriticality", 5, "riskReduction", 3, "jobSize", 0)))
            .extracting(FieldError::field)
            .containsExactly("inputs.businessValue", "inputs.jobSize");
    }

    @Test
    void iceInputsOutsideOneToTenAreRejected() {
        assertThat(errors(new IceModel(), Map.of("impact", 0, "confidence", 11, "ease", 5))).containsExactly(
                new FieldError("inputs.impact", "Impact must be between 1 and 10"),
                new FieldError("inputs.confidence", "Confidence must be between 1 and 10"));
    }

    @Test
    void valueEffortValueAboveHundredIsRejected() {
        assertThat(errors(new ValueEffortModel(QuadrantThresholds.DEFAULT), Map.of("value", 101, "effort", 1)))
            .containsExactly(new FieldError("inputs.value", "Value must be between 0 and 100"));
    }

    @Test
    void scorecardInputOutsideItsCriterionScaleIsRejected() {
        Scorecard card = new Scorecard("growth", "Growth", 1, Scorecard.Form.WEIGHTED_SUM,
                List.of(FormulaTest.criterion("revenue", "Revenue", "3", Criterion.Kind.BENEFIT)));

        assertThat(errors(new ScorecardModel(card), Map.of("revenue", 11)))
            .containsExactly(new FieldError("inputs.revenue", "Revenue must be between 0 and 10"));
    }

    @Test
    void unknownModelIsRejectedNamingTheKnownOnes() {
        assertThatThrownBy(() -> ModelCatalog.builtIn().require("MOSCOW")).isInstanceOf(InvalidInputException.class)
            .satisfies(e -> assertThat(((InvalidInputException) e).errors().get(0).field()).isEqualTo("model"))
            .hasMessageContaining("RICE, WSJF, ICE, VALUE_EFFORT");
    }

    @Test
    void scorecardDefinitionsAreValidated() {
        assertThatThrownBy(() -> new Scorecard("Bad Id", "x", 1, Scorecard.Form.WEIGHTED_SUM,
                List.of(FormulaTest.criterion("a", "A", "1", Criterion.Kind.BENEFIT))))
            .hasMessageContaining("id");
        assertThatThrownBy(() -> new Scorecard("ok", "x", 1, Scorecard.Form.BENEFIT_COST_RATIO,
                List.of(FormulaTest.criterion("a", "A", "1", Criterion.Kind.BENEFIT))))
            .hasMessageContaining("one benefit and one cost");
        assertThatThrownBy(() -> new Scorecard("ok", "x", 1, Scorecard.Form.WEIGHTED_SUM,
                List.of(FormulaTest.criterion("a", "A", "1", Criterion.Kind.BENEFIT),
                        FormulaTest.criterion("A", "Again", "1", Criterion.Kind.COST))))
            .hasMessageContaining("used twice");
        assertThatThrownBy(() -> FormulaTest.criterion("a", "A", "0", Criterion.Kind.BENEFIT))
            .hasMessageContaining("Weight");
        assertThatThrownBy(
                () -> new Criterion("a", "A", BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ONE, Criterion.Kind.COST))
            .hasMessageContaining("minimum below its maximum");
    }

    private static List<FieldError> errors(ScoringModel model, Map<String, ?> raw) {
        try {
            InputParser.parse(model, raw);
        }
        catch (InvalidInputException e) {
            return e.errors();
        }
        throw new AssertionError("expected the inputs to be rejected: " + raw);
    }

}
