package dev.throughline.grooming;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RankStepTest {

    private static List<String> keys(int count) {
        return IntStream.range(0, count).mapToObj(i -> "K-" + i).toList();
    }

    @Test
    void takesOneToFiftyIssues() {
        assertThat(new RankStep(keys(1), RankStep.Position.AFTER, "A").issueKeys()).hasSize(1);
        assertThat(new RankStep(keys(50), RankStep.Position.BEFORE, "A").issueKeys()).hasSize(50);
    }

    @Test
    void rejectsNoIssues() {
        assertThatThrownBy(() -> new RankStep(List.of(), RankStep.Position.AFTER, "A"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsMoreThanFiftyIssues() {
        assertThatThrownBy(() -> new RankStep(keys(51), RankStep.Position.AFTER, "A"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAnIssueTwice() {
        assertThatThrownBy(() -> new RankStep(List.of("B", "B"), RankStep.Position.AFTER, "A"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsTheAnchorAmongTheIssues() {
        assertThatThrownBy(() -> new RankStep(List.of("A", "B"), RankStep.Position.AFTER, "A"))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAMissingAnchorOrPosition() {
        assertThatThrownBy(() -> new RankStep(List.of("B"), RankStep.Position.AFTER, " "))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RankStep(List.of("B"), null, "A")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void simulatorPlacesIssuesInOrderRightAfterTheAnchor() {
        List<String> order = List.of("A", "B", "C", "D", "E");

        assertThat(JiraRankSimulator.applyTo(order, new RankStep(List.of("E", "A"), RankStep.Position.AFTER, "C")))
            .containsExactly("B", "C", "E", "A", "D");
    }

    @Test
    void simulatorPlacesIssuesInOrderRightBeforeTheAnchor() {
        List<String> order = List.of("A", "B", "C", "D", "E");

        assertThat(JiraRankSimulator.applyTo(order, new RankStep(List.of("E", "A"), RankStep.Position.BEFORE, "B")))
            .containsExactly("E", "A", "B", "C", "D");
    }

    @Test
    void simulatorRejectsUnknownIssues() {
        assertThatThrownBy(() -> JiraRankSimulator.applyTo(List.of("A", "B"),
                new RankStep(List.of("X"), RankStep.Position.AFTER, "A")))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JiraRankSimulator.applyTo(List.of("A", "B"),
                new RankStep(List.of("A"), RankStep.Position.AFTER, "X")))
            .isInstanceOf(IllegalArgumentException.class);
    }

}
