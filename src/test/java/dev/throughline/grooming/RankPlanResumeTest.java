package dev.throughline.grooming;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static dev.throughline.grooming.RankPlanTest.issues;
import static org.assertj.core.api.Assertions.assertThat;

class RankPlanResumeTest {

    @Test
    void verifyReportsNothingAfterACompleteApply() {
        List<String> current = List.of("A", "B", "C", "D");
        List<String> target = List.of("D", "B", "A", "C");

        List<String> actual = JiraRankSimulator.applyAll(current, RankPlan.between(current, target).steps());

        assertThat(RankPlan.verify(actual, target)).isEmpty();
    }

    @Test
    void verifyReportsIssuesNotWhereTheyShouldBe() {
        assertThat(RankPlan.verify(List.of("B", "A", "C", "X"), List.of("A", "B", "C", "D"))).containsExactly("A", "B",
                "D", "X");
    }

    @Test
    void resumingAfterAPartialApplyMovesOnlyIssuesNotYetPlacedAndNeverMoreThanRemained() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            int n = 2 + random.nextInt(round < 200 ? 30 : 600);
            List<String> current = issues(n);
            List<String> target = new ArrayList<>(current);
            Collections.shuffle(target, random);
            RankPlan plan = RankPlan.between(current, target);
            int applied = random.nextInt(plan.calls() + 1);

            List<String> reRead = JiraRankSimulator.applyAll(current, plan.steps().subList(0, applied));
            RankPlan resumed = RankPlan.between(reRead, target);

            Set<String> remaining = new HashSet<>();
            plan.steps().subList(applied, plan.calls()).forEach(step -> remaining.addAll(step.issueKeys()));
            assertThat(resumed.movedKeys()).hasSizeLessThanOrEqualTo(remaining.size());
            assertThat(remaining).containsAll(resumed.movedKeys());
            assertThat(resumed.calls()).isLessThanOrEqualTo(n);
            assertThat(JiraRankSimulator.applyAll(reRead, resumed.steps())).isEqualTo(target);
        }
    }

    @Test
    void resumingAfterAnyNumberOfStepsOfAnyPermutationOfUpToSevenIssuesMovesOnlyRemainingIssues() {
        for (int n = 1; n <= 7; n++) {
            List<String> current = issues(n);
            List<List<String>> targets = new ArrayList<>();
            RankPlanTest.permute(new ArrayList<>(), current, targets);
            for (List<String> target : targets) {
                RankPlan plan = RankPlan.between(current, target);
                for (int applied = 0; applied <= plan.calls(); applied++) {
                    List<String> reRead = JiraRankSimulator.applyAll(current, plan.steps().subList(0, applied));
                    Set<String> remaining = new HashSet<>();
                    plan.steps().subList(applied, plan.calls()).forEach(step -> remaining.addAll(step.issueKeys()));

                    assertThat(remaining).containsAll(RankPlan.between(reRead, target).movedKeys());
                }
            }
        }
    }

    @Test
    void resumingAFinishedPlanDoesNothing() {
        List<String> current = issues(30);
        List<String> target = new ArrayList<>(current);
        Collections.shuffle(target, new Random(3));

        List<String> done = JiraRankSimulator.applyAll(current, RankPlan.between(current, target).steps());

        assertThat(RankPlan.between(done, target).isEmpty()).isTrue();
    }

    @Test
    void planningBackToTheSavedOrderUndoesTheChange() {
        Random random = new Random(11);
        for (int round = 0; round < 100; round++) {
            int n = 1 + random.nextInt(300);
            List<String> saved = new ArrayList<>(issues(n));
            Collections.shuffle(saved, random);
            List<String> target = new ArrayList<>(saved);
            Collections.shuffle(target, random);

            List<String> changed = JiraRankSimulator.applyAll(saved, RankPlan.between(saved, target).steps());
            RankPlan undo = RankPlan.between(changed, saved);

            assertThat(JiraRankSimulator.applyAll(changed, undo.steps())).isEqualTo(saved);
            assertThat(undo.movedKeys()).hasSize(RankPlan.between(saved, target).movedKeys().size());
        }
    }

}
