package dev.throughline.planning;

import dev.throughline.program.ProgressBasis;
import dev.throughline.program.rollup.IssueKind;
import dev.throughline.program.rollup.ProgramIssue;
import dev.throughline.program.rollup.ProgramResult;
import dev.throughline.program.rollup.RollupEngine;
import dev.throughline.program.rollup.RollupSettings;
import dev.throughline.program.rollup.StatusCategory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The one-model rule of plan inputs (README, Program planning): a plan compares one
 * model's scores; epics scored with another model, or unscored, are listed apart with
 * their reason, unless the plan converts that model explicitly.
 */
class OneModelInputsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 4);

    private static ProgramIssue issue(String key, String parent, boolean done, Integer value, String model) {
        return new ProgramIssue(key, key + " summary", key.substring(0, key.indexOf('-')),
                parent == null ? IssueKind.EPIC : IssueKind.STANDARD, done ? StatusCategory.DONE : StatusCategory.TODO,
                Optional.ofNullable(parent), LocalDate.of(2025, 6, 2),
                done ? Optional.of(LocalDate.of(2026, 2, 24)) : Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.ofNullable(value).map(BigDecimal::valueOf), List.of(), 0,
                List.of(), List.of(), Optional.ofNullable(model));
    }

    private static final ProgramResult PROGRAM = RollupEngine.rollUpIssues(RollupSettings.defaults(TODAY),
            List.of(issue("A-1", null, false, null, null), issue("A-2", "A-1", false, 10, "RICE"),
                    issue("A-3", "A-1", true, 5, "RICE"), issue("A-10", null, false, null, null),
                    issue("A-11", "A-10", false, 8, "ICE"), issue("B-1", null, false, null, null),
                    issue("B-2", "B-1", false, 20, "RICE"), issue("B-4", "B-1", false, null, null),
                    issue("B-5", null, false, null, null), issue("B-6", "B-5", false, null, null),
                    issue("B-7", null, false, null, null), issue("B-8", "B-7", true, 4, "ICE"),
                    issue("B-9", "B-7", false, null, null)));

    private static ProgramInputs inputs(Optional<String> model, Map<String, Double> factors) {
        return ProgramInputs.of(PROGRAM, ProgressBasis.ISSUE_COUNT, 4, TODAY, 2, model, factors);
    }

    @Test
    void thePlanComparesTheModelScoringMostOpenItemsAndListsTheOthersApart() {
        ProgramInputs inputs = inputs(Optional.empty(), Map.of());
        assertThat(inputs.model()).contains("RICE");
        assertThat(inputs.candidates()).extracting(Candidate::key, Candidate::value)
            .containsExactlyInAnyOrder(tuple("A-1", 10.0), tuple("B-1", 20.0));
        assertThat(inputs.apart()).extracting(ProgramInputs.Apart::key, ProgramInputs.Apart::reason)
            .containsExactlyInAnyOrder(tuple("A-10", "scored with ICE; this plan compares RICE"),
                    tuple("B-5", "not scored"), tuple("B-7", "scored with ICE; this plan compares RICE"));
        assertThat(inputs.unscored()).extracting(ProgramInputs.Unscored::key).containsExactly("B-5");
        assertThat(inputs.converted()).isEmpty();
    }

    @Test
    void aPlansModelIsComparedAndAnExplicitConversionBringsAnotherModelIn() {
        ProgramInputs ice = inputs(Optional.of("ICE"), Map.of());
        assertThat(ice.candidates()).extracting(Candidate::key).containsExactlyInAnyOrder("A-10", "B-7");
        assertThat(ice.apart()).extracting(ProgramInputs.Apart::key, ProgramInputs.Apart::reason)
            .contains(tuple("A-1", "scored with RICE; this plan compares ICE"));

        ProgramInputs converted = inputs(Optional.of("RICE"), Map.of("ICE", 12.5));
        assertThat(converted.candidates()).extracting(Candidate::key, Candidate::value)
            .containsExactlyInAnyOrder(tuple("A-1", 10.0), tuple("A-10", 100.0), tuple("B-1", 20.0), tuple("B-7", 0.0));
        assertThat(converted.converted()).containsExactly(new ProgramInputs.Converted("A-10", "ICE", 12.5, 8.0, 100.0));
        assertThat(converted.apart()).extracting(ProgramInputs.Apart::key).containsExactly("B-5");
        // its ICE work is done: nothing left to gain, but its value compares now
        assertThat(converted.candidates()).extracting(Candidate::key).contains("B-7");
    }

    @Test
    void aStoredPlanKeepsItsModelAndConversionsAndRefusesConvertingItsOwnModel() {
        StoredPlan plan = new StoredPlan("p1", "prog", "FY27", 2, 0.1, 0.7, Map.of(), Map.of(), List.of(), List.of(), 1,
                "RICE", List.of(new StoredPlan.Conversion("ICE", 12.5)));
        assertThat(StoredPlanCodec.fromMap(StoredPlanCodec.toMap(plan))).isEqualTo(plan);
        assertThat(plan.factors()).containsExactly(Map.entry("ICE", 12.5));
        assertThatThrownBy(() -> new StoredPlan("p1", "prog", "FY27", 2, 0.1, 0.7, Map.of(), Map.of(), List.of(),
                List.of(), 1, "RICE", List.of(new StoredPlan.Conversion("RICE", 2))))
            .hasMessageContaining("conversions");
        assertThatThrownBy(() -> new StoredPlan.Conversion("ICE", 0)).hasMessageContaining("factor");
    }

}
