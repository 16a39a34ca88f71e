package dev.throughline.grooming;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * One model per comparison (scores of different models are never ordered against each
 * other) and the reason the preview shows for every issue's place.
 */
class ProposalModelsAndReasonsTest {

    private static BacklogItem item(String key, int score, String model) {
        return BacklogItem.scored(key, BigDecimal.valueOf(score)).scoredWith(model);
    }

    private static ProposedOrder propose(ProposalOptions options, BacklogItem... backlog) {
        return OrderProposal.propose(List.of(backlog), options);
    }

    @Test
    void theLeadingModelComesFirstThenEachOtherModelInOneBlockInTheOrderItsFirstIssueStands() {
        // RICE 200 is not "more" than WSJF 3.2: the project's default model (WSJF) leads,
        // then ICE (its first issue stands above RICE's today), then RICE
        ProposedOrder proposed = propose(ProposalOptions.defaults().leadingWith(Optional.of("WSJF")),
                item("R1", 200, "RICE"), item("I1", 500, "ICE"), item("W1", 3, "WSJF"), item("R2", 900, "RICE"),
                BacklogItem.unscored("U1"), item("W2", 8, "WSJF"), item("I2", 700, "ICE"));

        assertThat(proposed.order()).containsExactly("W2", "W1", "R2", "R1", "I2", "I1", "U1");
        assertThat(proposed.modelOrder()).containsExactly("WSJF", "RICE", "ICE");
    }

    @Test
    void withoutADefaultModelTheBlocksFollowTheCurrentOrder() {
        ProposedOrder proposed = propose(ProposalOptions.defaults(), item("I1", 5, "ICE"), item("R1", 200, "RICE"),
                item("I2", 9, "ICE"));

        assertThat(proposed.order()).containsExactly("I2", "I1", "R1");
        assertThat(proposed.modelOrder()).containsExactly("ICE", "RICE");
    }

    @Test
    void aDefaultModelNoIssueUsesDoesNotLead() {
        ProposedOrder proposed = propose(ProposalOptions.defaults().leadingWith(Optional.of("WSJF")),
                item("R1", 1, "RICE"), item("I1", 9, "ICE"));

        assertThat(proposed.order()).containsExactly("R1", "I1");
        assertThat(proposed.modelOrder()).containsExactly("RICE", "ICE");
    }

    @Test
    void everyIssueHasAReason() {
        ProposedOrder proposed = propose(ProposalOptions.defaults(), item("A", 1, "RICE"),
                item("P", 2, "RICE").pinnedInPlace(), BacklogItem.unscored("U"), item("B", 9, "RICE"));

        assertThat(proposed.reasonOf("P")).contains(MoveReason.of(MoveReason.Kind.PINNED));
        assertThat(proposed.reasonOf("U")).contains(MoveReason.of(MoveReason.Kind.UNSCORED_LAST));
        assertThat(proposed.reasonOf("A")).contains(MoveReason.of(MoveReason.Kind.SCORE));
        assertThat(proposed.reasonOf("B")).contains(MoveReason.of(MoveReason.Kind.SCORE));
        assertThat(
                propose(ProposalOptions.defaults().keepingUnscoredInPlace(), BacklogItem.unscored("U")).reasonOf("U"))
            .contains(MoveReason.of(MoveReason.Kind.UNSCORED_IN_PLACE));
    }

    @Test
    void anIssueHeldBackByAnUnscoredBlockerSaysSo() {
        // the third-highest score sinks below the unscored items because its blocker has
        // no score: the preview must say why
        ProposedOrder proposed = propose(ProposalOptions.defaults(), item("A", 9, "RICE"), item("B", 8, "RICE"),
                BacklogItem.unscored("U1"), BacklogItem.unscored("BLOCKER"), item("C", 7, "RICE").blockedBy("BLOCKER"),
                item("D", 1, "RICE"));

        assertThat(proposed.order()).containsExactly("A", "B", "D", "U1", "BLOCKER", "C");
        assertThat(proposed.reasonOf("C")).contains(MoveReason.heldBy("BLOCKER", true));
        assertThat(proposed.reasonOf("D")).contains(MoveReason.of(MoveReason.Kind.SCORE));
    }

    @Test
    void anIssueHeldBackByAScoredBlockerNamesIt() {
        ProposedOrder proposed = propose(ProposalOptions.defaults(), item("A", 1, "RICE"), item("B", 2, "RICE"),
                item("C", 9, "RICE").blockedBy("A"));

        assertThat(proposed.order()).containsExactly("B", "A", "C");
        assertThat(proposed.reasonOf("C")).contains(MoveReason.heldBy("A", false));
        assertThat(proposed.reasonOf("A")).contains(MoveReason.of(MoveReason.Kind.SCORE));
    }

    @Test
    void unmetDependenciesSayWhetherAPinACycleOrTheOptionCausedThem() {
        BacklogItem blocked = item("C", 9, "RICE").blockedBy("A");
        BacklogItem pinnedBlocked = item("C", 9, "RICE").blockedBy("A").pinnedInPlace();

        UnmetDependency aBlocksC = new UnmetDependency("A", "C");
        assertThat(
                propose(ProposalOptions.defaults().ignoringDependencies(), item("A", 1, "RICE"), blocked).unmetCauses())
            .containsExactly(entry(aBlocksC, UnmetDependency.Cause.IGNORED));
        assertThat(propose(ProposalOptions.defaults(), pinnedBlocked, item("A", 1, "RICE")).unmetCauses())
            .containsExactly(entry(aBlocksC, UnmetDependency.Cause.PIN));
        assertThat(propose(ProposalOptions.defaults(), item("X", 1, "RICE").blockedBy("Y"),
                item("Y", 2, "RICE").blockedBy("X"))
            .unmetCounts()).containsExactly(entry(UnmetDependency.Cause.CYCLE, 1L));
        assertThat(propose(ProposalOptions.defaults(), item("A", 1, "RICE"), blocked).unmetCauses()).isEmpty();
    }

}
