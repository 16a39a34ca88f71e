package dev.throughline.grooming;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderProposalTest {

    private static BacklogItem item(String key, int score) {
        return BacklogItem.scored(key, BigDecimal.valueOf(score));
    }

    private static List<String> order(List<BacklogItem> backlog, ProposalOptions options) {
        return OrderProposal.propose(backlog, options).order();
    }

    private static List<String> order(BacklogItem... backlog) {
        return OrderProposal.propose(List.of(backlog)).order();
    }

    @Test
    void highestScoreGoesFirst() {
        assertThat(order(item("A", 1), item("B", 3), item("C", 2))).containsExactly("B", "C", "A");
    }

    @Test
    void tiesKeepTheirCurrentRelativeOrder() {
        assertThat(order(item("A", 1), item("B", 5), item("C", 1), item("D", 5), item("E", 1))).containsExactly("B",
                "D", "A", "C", "E");
    }

    @Test
    void scoresCompareByValueNotByScale() {
        BacklogItem a = BacklogItem.scored("A", new BigDecimal("2.0"));
        BacklogItem b = BacklogItem.scored("B", new BigDecimal("2"));
        assertThat(order(a, b)).containsExactly("A", "B");
        assertThat(order(b, a)).containsExactly("B", "A");
    }

    @Test
    void pinnedItemsKeepTheirExactPositions() {
        List<String> proposed = order(item("A", 1), item("B", 2).pinnedInPlace(), item("C", 3), item("D", 9),
                item("E", 0).pinnedInPlace());

        assertThat(proposed).containsExactly("D", "B", "C", "A", "E");
    }

    @Test
    void unscoredItemsGoBelowScoredOnesInTheirCurrentOrderByDefault() {
        assertThat(order(BacklogItem.unscored("U1"), item("A", 1), BacklogItem.unscored("U2"), item("B", 2)))
            .containsExactly("B", "A", "U1", "U2");
    }

    @Test
    void unscoredItemsStayInPlaceWhenNotAskedToGoLast() {
        List<BacklogItem> backlog = List.of(BacklogItem.unscored("U1"), item("A", 1), BacklogItem.unscored("U2"),
                item("B", 2));

        assertThat(order(backlog, ProposalOptions.defaults().keepingUnscoredInPlace())).containsExactly("U1", "B", "U2",
                "A");
    }

    @Test
    void aBlockedItemNeverGoesAboveItsBlocker() {
        List<String> proposed = order(item("A", 1), item("B", 2), item("C", 9).blockedBy("A"));

        assertThat(proposed).containsExactly("B", "A", "C");
    }

    @Test
    void blockersAreNotPromotedAboveTheirOwnScore() {
        List<String> proposed = order(item("A", 1), item("B", 5), item("C", 3), item("D", 9).blockedBy("A"));

        assertThat(proposed).containsExactly("B", "C", "A", "D");
    }

    @Test
    void dependencyChainsAreHonouredTransitively() {
        List<String> proposed = order(item("A", 1), item("B", 2).blockedBy("A"), item("C", 3).blockedBy("B"),
                item("X", 2));

        assertThat(proposed).containsExactly("X", "A", "B", "C");
    }

    @Test
    void blockersOutsideTheBacklogAreIgnored() {
        assertThat(order(item("A", 1), item("B", 2).blockedBy("ELSEWHERE-1"))).containsExactly("B", "A");
    }

    @Test
    void dependenciesCanBeIgnored() {
        List<BacklogItem> backlog = List.of(item("A", 1), item("B", 2).blockedBy("A"));

        ProposedOrder proposal = OrderProposal.propose(backlog, ProposalOptions.defaults().ignoringDependencies());

        assertThat(proposal.order()).containsExactly("B", "A");
        assertThat(proposal.unmetDependencies()).containsExactly(new UnmetDependency("A", "B"));
    }

    @Test
    void cyclesAreReportedAndKeepTheirCurrentRelativeOrder() {
        List<BacklogItem> backlog = List.of(item("X", 5), item("A", 1).blockedBy("C"), item("B", 9).blockedBy("A"),
                item("C", 3).blockedBy("B"), item("Y", 4));

        ProposedOrder proposal = OrderProposal.propose(backlog);

        assertThat(proposal.dependencyCycles()).containsExactly(List.of("A", "B", "C"));
        List<String> order = proposal.order();
        assertThat(order.indexOf("A")).isLessThan(order.indexOf("B"));
        assertThat(order.indexOf("B")).isLessThan(order.indexOf("C"));
        assertThat(order).containsExactly("X", "Y", "A", "B", "C");
        assertThat(proposal.unmetDependencies()).containsExactly(new UnmetDependency("C", "A"));
    }

    @Test
    void aPinnedBlockerBelowLeavesTheDependencyUnmetAndReported() {
        List<BacklogItem> backlog = List.of(item("A", 9).blockedBy("P"), item("P", 1).pinnedInPlace());

        ProposedOrder proposal = OrderProposal.propose(backlog);

        assertThat(proposal.order()).containsExactly("A", "P");
        assertThat(proposal.unmetDependencies()).containsExactly(new UnmetDependency("P", "A"));
    }

    @Test
    void aBlockedItemWaitsBelowAPinnedBlockerWhenOthersCanFillTheSlotsAbove() {
        List<String> proposed = order(item("A", 9).blockedBy("P"), item("B", 1), item("P", 0).pinnedInPlace(),
                item("C", 2));

        assertThat(proposed).containsExactly("C", "B", "P", "A");
    }

    @Test
    void eachItemsMoveIsReported() {
        ProposedOrder proposal = OrderProposal.propose(List.of(item("A", 1), item("B", 2), item("C", 3), item("D", 0)));

        assertThat(proposal.moveOf("C")).contains(new Move("C", 2, 0));
        assertThat(proposal.moveOf("C").orElseThrow().direction()).isEqualTo(Move.Direction.UP);
        assertThat(proposal.moveOf("C").orElseThrow().positions()).isEqualTo(2);
        assertThat(proposal.moveOf("A").orElseThrow().direction()).isEqualTo(Move.Direction.DOWN);
        assertThat(proposal.moveOf("D").orElseThrow().direction()).isEqualTo(Move.Direction.UNCHANGED);
    }

    @Test
    void anAlreadyValueOrderedBacklogIsLeftAlone() {
        ProposedOrder proposal = OrderProposal
            .propose(List.of(item("A", 3), item("B", 2).blockedBy("A"), BacklogItem.unscored("C")));

        assertThat(proposal.changesAnything()).isFalse();
    }

    @Test
    void anEmptyBacklogProposesNothing() {
        assertThat(OrderProposal.propose(List.of()).order()).isEmpty();
    }

    @Test
    void duplicateKeysAreRejected() {
        assertThatThrownBy(() -> order(item("A", 1), item("A", 2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anItemCannotBlockItself() {
        assertThatThrownBy(() -> item("A", 1).blockedBy("A")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomBacklogsKeepPinsAndHonourEveryDependencyOutsideCyclesAndPins() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            int n = 1 + random.nextInt(40);
            List<BacklogItem> backlog = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String key = "I-" + i;
                BigDecimal score = random.nextInt(5) == 0 ? null : BigDecimal.valueOf(random.nextInt(10));
                Set<String> blockers = random.nextInt(4) == 0 && i > 0 ? Set.of("I-" + random.nextInt(n)) : Set.of();
                if (blockers.contains(key)) {
                    blockers = Set.of();
                }
                backlog.add(new BacklogItem(key, score, random.nextInt(10) == 0, blockers));
            }

            ProposedOrder proposal = OrderProposal.propose(backlog);

            assertThat(proposal.order())
                .containsExactlyInAnyOrderElementsOf(backlog.stream().map(BacklogItem::key).toList());
            for (int i = 0; i < n; i++) {
                if (backlog.get(i).pinned()) {
                    assertThat(proposal.order().get(i)).isEqualTo(backlog.get(i).key());
                }
            }
            for (UnmetDependency unmet : proposal.unmetDependencies()) {
                boolean involvesPin = backlog.stream()
                    .anyMatch(b -> b.pinned() && (b.key().equals(unmet.blocker()) || b.key().equals(unmet.blocked())));
                boolean inCycle = proposal.dependencyCycles()
                    .stream()
                    .anyMatch(c -> c.contains(unmet.blocker()) && c.contains(unmet.blocked()));
                boolean behindPin = backlog.stream().anyMatch(BacklogItem::pinned);
                assertThat(involvesPin || inCycle || behindPin).as("unmet %s", unmet).isTrue();
            }
        }
    }

    @Test
    void aLongDependencyChainNeitherHangsNorOverflows() {
        List<BacklogItem> backlog = new ArrayList<>();
        int n = 5_000;
        for (int i = 0; i < n; i++) {
            // each blocked by the next, and the last by the first: one 5,000-issue cycle
            backlog.add(item("I-" + i, i).blockedBy("I-" + ((i + 1) % n)));
        }

        ProposedOrder proposal = OrderProposal.propose(backlog);

        assertThat(proposal.dependencyCycles()).hasSize(1);
        assertThat(proposal.dependencyCycles().get(0)).hasSize(n);
        assertThat(proposal.changesAnything()).isFalse();
    }

}
