package dev.throughline.planning;

import dev.throughline.program.rollup.IssueKind;
import dev.throughline.program.rollup.ProgramIssue;
import dev.throughline.program.rollup.ProgramResult;
import dev.throughline.program.ProgressBasis;
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

/** Plan inputs read from a program's rollup (README, Program planning: inputs). */
class ProgramInputsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 4); // a Wednesday in
                                                                     // 2026-Q1

    private static final LocalDate LONG_AGO = LocalDate.of(2025, 6, 2);

    private static ProgramIssue issue(String key, IssueKind kind, String parent, LocalDate resolved, Double points,
            Integer value, List<String> blocks, List<String> blockedBy) {
        return new ProgramIssue(key, key + " summary", key.substring(0, key.indexOf('-')), kind,
                resolved == null ? StatusCategory.TODO : StatusCategory.DONE, Optional.ofNullable(parent), LONG_AGO,
                Optional.ofNullable(resolved), Optional.empty(), Optional.ofNullable(points), Optional.empty(),
                List.of(), Optional.ofNullable(value).map(BigDecimal::valueOf), List.of(), 0, blocks, blockedBy);
    }

    private static ProgramResult program(ProgressBasis basis) {
        RollupSettings settings = RollupSettings.defaults(TODAY).withProgressBasis(basis).withThroughputWeeks(4);
        return RollupEngine.rollUpIssues(settings,
                List.of(issue("A-1", IssueKind.EPIC, null, null, null, null, List.of(), List.of()),
                        issue("A-2", IssueKind.STANDARD, "A-1", null, 3.0, 10, List.of("B-2"), List.of()),
                        issue("A-3", IssueKind.STANDARD, "A-1", LocalDate.of(2026, 2, 24), 2.0, 5, List.of(),
                                List.of()),
                        issue("A-10", IssueKind.EPIC, null, null, null, null, List.of(), List.of()),
                        issue("A-11", IssueKind.STANDARD, "A-10", null, 1.0, null, List.of("B-4"), List.of()),
                        issue("B-1", IssueKind.EPIC, null, null, null, null, List.of(), List.of()),
                        issue("B-2", IssueKind.STANDARD, "B-1", null, 5.0, 20, List.of(), List.of("A-2")),
                        issue("B-3", IssueKind.STANDARD, "B-1", LocalDate.of(2026, 2, 17), 4.0, null, List.of(),
                                List.of()),
                        issue("B-4", IssueKind.STANDARD, "B-1", null, 1.0, null, List.of(), List.of("A-11"))));
    }

    @Test
    void itemsBasisTeamsCapacityCandidatesBlockersAndUnscored() {
        ProgramInputs inputs = ProgramInputs.of(program(ProgressBasis.ISSUE_COUNT), ProgressBasis.ISSUE_COUNT, 4, TODAY,
                2);
        assertThat(inputs.unit()).isEqualTo("items");
        assertThat(inputs.periods()).containsExactly("2026-Q2", "2026-Q3");
        // program done per week [0, 0, 1, 1]; each project did half of the done items
        assertThat(inputs.throughput().get("A").weeks()).containsExactly(0, 0, 0.5, 0.5);
        assertThat(inputs.teams()).extracting(PlanTeam::id).containsExactly("A", "B");
        assertThat(inputs.teams().get(0).capacity()).containsExactly(3.25, 3.25); // 0.25
                                                                                  // a
                                                                                  // week
                                                                                  // × 13
        Map<String, Candidate> byKey = new PlanProblem(inputs.periods(), inputs.teams(), inputs.candidates(), 0.1)
            .byKey();
        assertThat(byKey).containsOnlyKeys("A-1", "B-1");
        assertThat(byKey.get("A-1").value()).isEqualTo(10); // value not yet delivered: 15
                                                            // − 5
        assertThat(byKey.get("A-1").effort()).isEqualTo(1);
        assertThat(byKey.get("A-1").teamId()).isEqualTo("A");
        assertThat(byKey.get("B-1").effort()).isEqualTo(2);
        assertThat(byKey.get("B-1").blockers()).containsExactly("A-1");
        assertThat(byKey.get("B-1").outsideBlockers()).containsExactly("A-11");
        assertThat(inputs.unscored()).containsExactly(new ProgramInputs.Unscored("A-10", "A-10 summary", "A", 1));
    }

    @Test
    void pointsBasisScalesThroughputByPointsPerDoneItem() {
        ProgramInputs inputs = ProgramInputs.of(program(ProgressBasis.STORY_POINTS), ProgressBasis.STORY_POINTS, 4,
                TODAY, 1);
        assertThat(inputs.unit()).isEqualTo("points");
        assertThat(inputs.throughput().get("A").weeks()).containsExactly(0, 0, 1, 1); // 2
                                                                                      // points
                                                                                      // per
                                                                                      // done
                                                                                      // item
        assertThat(inputs.throughput().get("B").weeks()).containsExactly(0, 0, 2, 2); // 4
                                                                                      // points
                                                                                      // per
                                                                                      // done
                                                                                      // item
        assertThat(inputs.candidates()).extracting(Candidate::effort).containsExactly(3.0, 6.0);
    }

    @Test
    void horizonIsOneToEightQuarters() {
        ProgramResult result = program(ProgressBasis.ISSUE_COUNT);
        assertThatThrownBy(() -> ProgramInputs.of(result, ProgressBasis.ISSUE_COUNT, 4, TODAY, 9))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(ProgramInputs.of(result, ProgressBasis.ISSUE_COUNT, 4, LocalDate.of(2026, 11, 2), 2).periods())
            .containsExactly("2027-Q1", "2027-Q2");
    }

}
