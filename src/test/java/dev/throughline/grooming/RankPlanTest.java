package dev.throughline.grooming;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RankPlanTest {

    static List<String> issues(int n) {
        return IntStream.range(0, n).mapToObj(i -> "I-" + i).toList();
    }

    /** Independent oracle: the longest increasing subsequence by trying every subset. */
    static int bruteForceLisLength(List<String> current, List<String> target) {
        int n = target.size();
        int best = 0;
        for (int mask = 0; mask < (1 << n); mask++) {
            int previous = -1;
            boolean increasing = true;
            for (int i = 0; i < n && increasing; i++) {
                if ((mask & (1 << i)) != 0) {
                    int at = current.indexOf(target.get(i));
                    increasing = at > previous;
                    previous = at;
                }
            }
            if (increasing) {
                best = Math.max(best, Integer.bitCount(mask));
            }
        }
        return best;
    }

    static void assertPlanIsCorrect(List<String> current, List<String> target) {
        RankPlan plan = RankPlan.between(current, target);

        assertThat(SandboxRankReplay.replay(current, plan.steps())).isEqualTo(target);
        assertThat(plan.calls()).isEqualTo(RankPlan.minimumCalls(current, target));
        Set<String> movedByCalls = new HashSet<>();
        plan.steps().forEach(step -> step.issueKeys().forEach(key -> assertThat(movedByCalls.add(key)).isTrue()));
        assertThat(movedByCalls).containsExactlyInAnyOrderElementsOf(plan.movedKeys());
        assertThat(plan.movedKeys()).doesNotContainAnyElementsOf(plan.keptKeys());
    }

    static void permute(List<String> prefix, List<String> rest, List<List<String>> out) {
        if (rest.isEmpty()) {
            out.add(List.copyOf(prefix));
            return;
        }
        for (int i = 0; i < rest.size(); i++) {
            List<String> nextRest = new ArrayList<>(rest);
            prefix.add(nextRest.remove(i));
            permute(prefix, nextRest, out);
            prefix.remove(prefix.size() - 1);
        }
    }

    @Test
    void anUnchangedOrderNeedsNoCalls() {
        RankPlan plan = RankPlan.between(issues(5), issues(5));

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.movedKeys()).isEmpty();
        assertThat(RankPlan.minimumCalls(issues(5), issues(5))).isZero();
    }

    @Test
    void emptyAndSingleIssueBacklogsNeedNoCalls() {
        assertThat(RankPlan.between(List.of(), List.of()).isEmpty()).isTrue();
        assertThat(RankPlan.between(List.of("A"), List.of("A")).isEmpty()).isTrue();
    }

    @Test
    void oneIssueMovedToTheTopIsOneCallBeforeTheFormerTop() {
        RankPlan plan = RankPlan.between(List.of("A", "B", "C", "D"), List.of("D", "A", "B", "C"));

        assertThat(plan.steps()).containsExactly(new RankStep(List.of("D"), RankStep.Position.BEFORE, "A"));
    }

    @Test
    void oneIssueMovedDownIsOneCallAfterItsNewUpperNeighbour() {
        RankPlan plan = RankPlan.between(List.of("A", "B", "C", "D"), List.of("B", "C", "A", "D"));

        assertThat(plan.steps()).containsExactly(new RankStep(List.of("A"), RankStep.Position.AFTER, "C"));
    }

    @Test
    void consecutiveMovedIssuesShareOneCall() {
        RankPlan plan = RankPlan.between(List.of("A", "B", "C", "X", "Y"), List.of("A", "X", "Y", "B", "C"));

        assertThat(plan.steps()).containsExactly(new RankStep(List.of("X", "Y"), RankStep.Position.AFTER, "A"));
    }

    @Test
    void aRunLongerThanFiftyIsSplitIntoCallsChainedOnTheEarlierCall() {
        List<String> current = issues(121);
        List<String> target = new ArrayList<>(current.subList(1, 121));
        Collections.reverse(target);
        target.add(0, current.get(0));
        // I-0 first, then I-120 down to I-1: I-0 and one other stay, the other 119 move
        // in one run.

        RankPlan plan = RankPlan.between(current, target);

        assertThat(plan.movedKeys()).hasSize(119);
        assertThat(plan.steps()).extracting(step -> step.issueKeys().size()).containsExactly(50, 50, 19);
        assertThat(plan.steps().get(1).anchorKey()).isEqualTo(plan.steps().get(0).issueKeys().get(49));
        assertPlanIsCorrect(current, target);
    }

    @Test
    void aLongRunAtTheTopIsPlacedUpwardsBeforeTheFirstKeptIssue() {
        List<String> current = issues(120);
        List<String> target = new ArrayList<>(current);
        Collections.rotate(target, 110); // the last 110 issues go to the top

        RankPlan plan = RankPlan.between(current, target);

        assertThat(plan.movedKeys()).hasSize(10);
        assertThat(plan.calls()).isEqualTo(1);
        assertPlanIsCorrect(current, target);
        List<String> reversed = new ArrayList<>(current);
        Collections.reverse(reversed);
        assertPlanIsCorrect(current, reversed);
        assertThat(RankPlan.between(current, reversed).steps())
            .allSatisfy(step -> assertThat(step.position()).isEqualTo(RankStep.Position.BEFORE));
    }

    @Test
    void everyPermutationOfUpToSevenIssuesIsReachedWithTheFewestMoves() {
        for (int n = 1; n <= 7; n++) {
            List<String> current = issues(n);
            List<List<String>> targets = new ArrayList<>();
            permute(new ArrayList<>(), current, targets);
            for (List<String> target : targets) {
                assertPlanIsCorrect(current, target);
                assertThat(RankPlan.between(current, target).movedKeys()).as("%s -> %s", current, target)
                    .hasSize(n - bruteForceLisLength(current, target));
            }
        }
    }

    @Test
    void randomShufflesAreReachedWithTheMinimumNumberOfCalls() {
        Random random = new Random(20261123);
        for (int round = 0; round < 400; round++) {
            int n = 1 + random.nextInt(round < 300 ? 20 : 400);
            List<String> current = new ArrayList<>(issues(n));
            Collections.shuffle(current, random);
            List<String> target = new ArrayList<>(current);
            if (random.nextBoolean()) {
                Collections.shuffle(target, random);
            }
            else { // a few displaced issues, the common grooming case
                for (int k = 0; k < 1 + n / 20; k++) {
                    target.add(random.nextInt(n), target.remove(random.nextInt(n)));
                }
            }
            assertPlanIsCorrect(current, target);
            if (n <= 16) {
                assertThat(RankPlan.between(current, target).movedKeys())
                    .hasSize(n - bruteForceLisLength(current, target));
            }
        }
    }

    @Test
    void ordersThatDoNotHoldTheSameIssuesAreRejected() {
        assertThatThrownBy(() -> RankPlan.between(List.of("A", "B"), List.of("A", "C")))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RankPlan.between(List.of("A", "B"), List.of("A")))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RankPlan.between(List.of("A", "A"), List.of("A", "A")))
            .isInstanceOf(IllegalArgumentException.class);
    }

}
