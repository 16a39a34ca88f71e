package dev.throughline.planning.web;

import dev.throughline.planning.Candidate;
import dev.throughline.planning.PlanComparison;
import dev.throughline.planning.PlanOdds;
import dev.throughline.planning.PlanProblem;
import dev.throughline.planning.PlanSolution;
import dev.throughline.planning.PlanTeam;
import dev.throughline.planning.service.PlanningService;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The numbers the Plan page shows from a solved plan, worked out by hand (README, How the
 * numbers are computed: Program planning): value per quarter, each team's load, odds and
 * flags, and which odds a scenario comparison names.
 */
class PlanAnswerNumbersTest {

    private static final PlanProblem PROBLEM = new PlanProblem(List.of("2027-Q1", "2027-Q2"),
            List.of(new PlanTeam("A", "Alpha", List.of(10.0, 10.0)), new PlanTeam("B", "Bravo", List.of(10.0, 8.0))),
            List.of(Candidate.of("Y", "B", 90, 10), Candidate.of("Z", "B", 80, 8), Candidate.of("X", "B", 50, 5),
                    Candidate.of("V", "A", 40, 6)),
            0.1);

    /** Y and V finish in 2027-Q1, Z in 2027-Q2, X not this horizon. */
    private static final PlanSolution SOLUTION = new PlanSolution(PlanSolution.Status.OPTIMAL,
            Map.of("Y", 0, "V", 0, "Z", 1), 90 + 40 + 80 / 1.1, 90 + 40 + 80 / 1.1, 0, 12, Map.of(), List.of());

    private static final PlanOdds ODDS = new PlanOdds(Map.of("Y", 0.9, "V", 0.6, "Z", 0.7), Map.of(), 0.7, 10_000);

    @Test
    void valuePerQuarterLoadOddsAndFlags() {
        PlanAnswer answer = PlanAnswer.of(new PlanningService.Solved(PROBLEM, SOLUTION, ODDS,
                Map.of("X", "X is not planned."), List.of(), List.of(), Optional.empty()));

        // Q1: 90 + 40 in full; Q2: 80 worth 1 / 1.1 as much = 72.73
        assertThat(answer.valuePerPeriod().get(0)).isCloseTo(130, offset(1e-9));
        assertThat(answer.valuePerPeriod().get(1)).isCloseTo(72.7273, offset(1e-4));
        assertThat(answer.value()).isCloseTo(202.7273, offset(1e-4));
        // load: the effort of the team's items planned to finish in each quarter
        assertThat(answer.teams())
            .extracting(PlanAnswer.TeamRow::id, PlanAnswer.TeamRow::capacity, PlanAnswer.TeamRow::load)
            .containsExactly(tuple("A", List.of(10.0, 10.0), List.of(6.0, 0.0)),
                    tuple("B", List.of(10.0, 8.0), List.of(10.0, 8.0)));
        // flagged: odds below the threshold (70 %); exactly 70 % is not
        assertThat(answer.items())
            .extracting(PlanAnswer.ItemRow::key, PlanAnswer.ItemRow::period, PlanAnswer.ItemRow::odds,
                    PlanAnswer.ItemRow::flagged)
            .containsExactly(tuple("Y", "2027-Q1", 0.9, false), tuple("Z", "2027-Q2", 0.7, false),
                    tuple("X", null, null, false), tuple("V", "2027-Q1", 0.6, true));
        assertThat(answer.items().get(2).why()).isEqualTo("X is not planned.");
    }

    @Test
    void aScenarioNamesOddsThatChangeByFivePointsOrMore() {
        PlanOdds scenarioOdds = new PlanOdds(Map.of("Y", 0.86, "V", 0.65, "Z", 0.7), Map.of(), 0.7, 10_000);

        PlanComparison comparison = PlanComparison.of(PROBLEM, SOLUTION, ODDS, PROBLEM, SOLUTION, scenarioOdds);

        // V: 60 % → 65 % (5 points) is named; Y: 90 % → 86 % (4 points) is noise
        assertThat(comparison.oddsChanges())
            .extracting(PlanComparison.OddsChange::key, PlanComparison.OddsChange::baseline,
                    PlanComparison.OddsChange::scenario)
            .containsExactly(tuple("V", 0.6, 0.65));
        assertThat(comparison.moves()).isEmpty();
        assertThat(comparison.scenarioValue()).isEqualTo(comparison.baselineValue());
    }

}
