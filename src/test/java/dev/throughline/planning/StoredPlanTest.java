package dev.throughline.planning;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A stored plan's overrides applied to the program's inputs, and its stored form. */
class StoredPlanTest {

    private static final ProgramInputs INPUTS = new ProgramInputs("items", List.of("2027-Q1", "2027-Q2"),
            List.of(new PlanTeam("WEB", "WEB", List.of(10.0, 10.0))),
            List.of(Candidate.of("WEB-1", "WEB", 90, 5), Candidate.of("WEB-2", "WEB", 50, 5)),
            Map.of("WEB", new TeamThroughput("WEB", new double[] { 1, 0 })), List.of());

    private static StoredPlan plan(List<StoredPlan.Scenario> scenarios) {
        return new StoredPlan("p1", "prog", "FY27", 2, 0.2, 0.6, Map.of("WEB", Map.of("2027-Q2", 3.0, "2030-Q1", 1.0)),
                Map.of("WEB-1", "2027-Q2", "GONE-1", "2027-Q1"), List.of("WEB-2"), scenarios, 3);
    }

    @Test
    void overridesReplaceCapacityCommitAndExcludeAndUnusedOnesWait() {
        PlanInputs inputs = plan(List.of(new StoredPlan.Scenario("grow",
                List.of(new StoredPlan.Change("capacity", "WEB", "2027-Q1", 20.0, null, null, null, null, null)))))
            .apply(INPUTS);
        assertThat(inputs.problem().team("WEB").capacity()).containsExactly(10.0, 3.0);
        assertThat(inputs.problem().byKey().get("WEB-1").commitBy()).isEqualTo(OptionalInt.of(1));
        assertThat(inputs.problem().byKey().get("WEB-2").excluded()).isTrue();
        assertThat(inputs.problem().discount()).isEqualTo(0.2);
        assertThat(inputs.threshold()).isEqualTo(0.6);
        assertThat(inputs.scenarios().get(0).apply(inputs.problem()).team("WEB").capacity()).containsExactly(20.0, 3.0);
    }

    @Test
    void aScenarioNamingAQuarterOutsideTheHorizonIsRefused() {
        StoredPlan plan = plan(List.of(new StoredPlan.Scenario("late",
                List.of(new StoredPlan.Change("commit", null, "2031-Q1", null, "WEB-1", null, null, null, null)))));
        assertThatThrownBy(() -> plan.apply(INPUTS)).hasMessageContaining("2031-Q1");
    }

    @Test
    void storedFormRoundTripsAndAnUpdateBumpsTheVersion() {
        StoredPlan plan = plan(List.of(new StoredPlan.Scenario("add",
                List.of(new StoredPlan.Change("add", "WEB", null, null, "PLAT-9", "Partner", 70.0, 5.0, null)))));
        assertThat(StoredPlanCodec.fromMap(StoredPlanCodec.toMap(plan))).isEqualTo(plan);
        assertThat(StoredPlanCodec.summaryFromMap(StoredPlanCodec.toIndexMap(plan.summary())))
            .isEqualTo(plan.summary());
        assertThat(plan.savedAs(plan).version()).isEqualTo(4);
        assertThatThrownBy(
                () -> new StoredPlan("p", "q", " ", 2, 0.1, 0.7, Map.of(), Map.of(), List.of(), List.of(), 1))
            .hasMessageContaining("name");
    }

    @Test
    void overridesTheSolveDoesNotUseAreNoticedWithTheirRule() {
        StoredPlan plan = new StoredPlan("p1", "prog", "FY27", 2, 0.2, 0.6,
                Map.of("WEB", Map.of("2027-Q2", 3.0, "2030-Q1", 1.0), "GONE", Map.of("2027-Q1", 2.0)),
                Map.of("WEB-1", "2031-Q1", "GONE-1", "2027-Q1"), List.of("WEB-2", "GONE-2"), List.of(), 3);
        assertThat(StoredPlanChecks.unused(plan, INPUTS))
            .extracting(PlanNotice::path, PlanNotice::period, PlanNotice::rule)
            .containsExactly(tuple("capacity.GONE.2027-Q1", "2027-Q1", PlanNotice.UNKNOWN_TEAM),
                    tuple("capacity.WEB.2030-Q1", "2030-Q1", PlanNotice.OUTSIDE_HORIZON),
                    tuple("commitments.GONE-1", "2027-Q1", PlanNotice.NOT_A_CANDIDATE),
                    tuple("commitments.WEB-1", "2031-Q1", PlanNotice.OUTSIDE_HORIZON),
                    tuple("exclusions.GONE-2", null, PlanNotice.NOT_A_CANDIDATE));
        assertThat(StoredPlanChecks.unused(plan, INPUTS).get(3).message())
            .isEqualTo("The commitment of WEB-1 to 2031-Q1 is outside the plan's horizon (2027-Q1 to 2027-Q2).");
    }

    @Test
    void aWriteRefusesNewOverridesOutsideTheHorizonAndKeepsUnchangedOnes() {
        List<String> horizon = List.of("2027-Q1", "2027-Q2");
        StoredPlan stored = new StoredPlan("p1", "prog", "FY27", 2, 0.2, 0.6, Map.of("WEB", Map.of("2026-Q4", 1.0)),
                Map.of("WEB-1", "2026-Q4"), List.of(), List.of(), 3);
        assertThat(StoredPlanChecks.atWrite(stored, stored, horizon)).isEmpty();
        assertThat(StoredPlanChecks.atWrite(null, stored, horizon)).extracting(PlanNotice::path, PlanNotice::rule)
            .containsExactlyInAnyOrder(tuple("commitments.WEB-1", PlanNotice.OUTSIDE_HORIZON),
                    tuple("capacity.WEB.2026-Q4", PlanNotice.OUTSIDE_HORIZON));
        StoredPlan changed = new StoredPlan("p1", "prog", "FY27", 2, 0.2, 0.6, Map.of("WEB", Map.of("2026-Q4", 1.0)),
                Map.of("WEB-1", "2026-Q4", "WEB-2", "soon"), List.of(), List.of(), 3);
        assertThat(StoredPlanChecks.atWrite(stored, changed, horizon)).extracting(PlanNotice::path, PlanNotice::rule)
            .containsExactly(tuple("commitments.WEB-2", PlanNotice.NOT_A_QUARTER));
    }

}
