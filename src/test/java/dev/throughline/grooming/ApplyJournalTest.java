package dev.throughline.grooming;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Where an apply stopped anywhere can have left the backlog, from its journal alone. */
class ApplyJournalTest {

    static final List<String> START = List.of("A-1", "A-2", "A-3", "A-4", "A-5", "A-6");
    static final List<String> TARGET = List.of("A-2", "A-1", "A-4", "A-3", "A-6", "A-5");

    @Test
    void everyOrderThePlanPassesThroughIsOneTheRunCanHaveLeftAndNoOtherIs() {
        ApplyJournal journal = ApplyJournal.begin(START, TARGET);
        List<RankStep> steps = RankPlan.between(START, TARGET).steps();
        assertThat(steps).hasSize(3);

        List<String> order = START;
        assertThat(journal.couldHaveLeft(order)).isTrue();
        for (RankStep step : steps) {
            order = JiraRankSimulator.applyTo(order, step);
            assertThat(journal.couldHaveLeft(order)).as("after %s", step).isTrue();
        }
        assertThat(order).isEqualTo(TARGET);
        // someone else's change is not one of them
        assertThat(journal.couldHaveLeft(List.of("A-6", "A-1", "A-2", "A-3", "A-4", "A-5"))).isFalse();
        assertThat(journal.couldHaveLeft(List.of("A-1", "A-2", "A-3", "A-4", "A-5", "A-6", "A-7"))).isFalse();
    }

    @Test
    void afterAStepJiraRefusedInPartTheRunContinuesFromWhereItReallyWas() {
        List<RankStep> steps = RankPlan.between(START, TARGET).steps();
        RankStep first = steps.get(0);
        // Jira refused the whole first step: the backlog stayed, and the second step
        // applies to it
        ApplyJournal journal = ApplyJournal.begin(START, TARGET).after(1, START);
        List<String> afterSecond = JiraRankSimulator.applyTo(START, steps.get(1));

        assertThat(journal.couldHaveLeft(afterSecond)).isTrue();
        assertThat(journal.couldHaveLeft(JiraRankSimulator.applyTo(START, first))).isFalse();
    }

}
