package dev.throughline.planning;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Committed versus delivered, and what the write-back stores on each planned epic. */
class PredictabilityTest {

    private static final List<LocalDate> ENDS = List.of(LocalDate.of(2027, 3, 31), LocalDate.of(2027, 6, 30));

    private final PlanProblem problem = new PlanProblem(List.of("2027-Q1", "2027-Q2"),
            List.of(new PlanTeam("A", "A", List.of(10.0, 10.0)), new PlanTeam("B", "B", List.of(10.0, 10.0))),
            List.of(Candidate.of("A-1", "A", 30, 6), Candidate.of("A-2", "A", 20, 4), Candidate.of("B-1", "B", 10, 10),
                    Candidate.of("B-2", "B", 5, 10)),
            0.1);

    private PlanSnapshot snapshot() {
        PlanSolution solution = new PlanSolver(Duration.ofSeconds(5), 2, 0).solve(problem);
        PlanOdds odds = new OddsSimulator(1000, 1, 13).odds(problem, solution, Map.of("A",
                new TeamThroughput("A", new double[] { 1 }), "B", new TeamThroughput("B", new double[] { 0, 1 })), 0.7);
        return PlanSnapshot.of("p1", Instant.parse("2027-01-04T09:00:00Z"), problem, solution, odds, ENDS);
    }

    @Test
    void endedPeriodsReportCommittedVersusDeliveredPerTeamAndProgram() {
        PlanSnapshot snapshot = snapshot();
        assertThat(snapshot.items()).extracting(PlanSnapshot.CommittedItem::key, PlanSnapshot.CommittedItem::period)
            .containsExactly(tuple("A-1", 0), tuple("A-2", 0), tuple("B-1", 0), tuple("B-2", 1));
        // A-1 on time, A-2 a day late, B-1 on time; Q2 has not ended on 2027-05-01
        List<Predictability.Row> rows = Predictability.report(snapshot, Map.of("A-1", LocalDate.of(2027, 3, 31), "A-2",
                LocalDate.of(2027, 4, 1), "B-1", LocalDate.of(2027, 2, 1)), LocalDate.of(2027, 5, 1));
        assertThat(rows).containsExactly(new Predictability.Row("2027-Q1", "A", 2, 1, 10, 6, 50, 30),
                new Predictability.Row("2027-Q1", "B", 1, 1, 10, 10, 10, 10),
                new Predictability.Row("2027-Q1", Predictability.PROGRAM, 3, 2, 20, 16, 60, 40));
        assertThat(rows.get(2).share()).contains(2 / 3.0);
        assertThat(Predictability.report(snapshot, Map.of(), LocalDate.of(2027, 7, 1))).hasSize(5);
    }

    @Test
    void writeBackPutsPeriodAndConfidenceOnPlannedItemsOnly() {
        Map<String, PlanProperty> properties = PlanProperty.of(snapshot());
        assertThat(properties).containsOnlyKeys("A-1", "A-2", "B-1", "B-2");
        assertThat(properties.get("A-1").toMap()).containsExactly(Map.entry("plannedQuarter", "2027-Q1"),
                Map.entry("planConfidence", 100), Map.entry("planId", "p1"),
                Map.entry("committedAt", "2027-01-04T09:00:00Z"));
        assertThat(properties.get("B-2").plannedQuarter()).isEqualTo("2027-Q2");
        assertThat(properties.get("B-2").planConfidence()).isBetween(0, 100);
    }

}
