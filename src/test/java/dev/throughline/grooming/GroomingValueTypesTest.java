package dev.throughline.grooming;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroomingValueTypesTest {

    @Test
    void aBacklogItemNeedsAKey() {
        assertThatThrownBy(() -> BacklogItem.unscored(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BacklogItem("A", null, false, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aBacklogItemKeepsAnImmutableCopyOfItsBlockers() {
        HashSet<String> blockers = new HashSet<>(Set.of("B"));
        BacklogItem item = new BacklogItem("A", BigDecimal.ONE, false, blockers);
        blockers.add("C");

        assertThat(item.openBlockers()).containsExactly("B");
        assertThat(item.valueScore()).contains(BigDecimal.ONE);
        assertThat(BacklogItem.unscored("A").valueScore()).isEmpty();
    }

    @Test
    void defaultOptionsAreDependencyAwareWithUnscoredLast() {
        assertThat(ProposalOptions.defaults()).isEqualTo(new ProposalOptions(true, true));
    }

    @Test
    void aMoveHasAKeyAndNonNegativePositions() {
        assertThatThrownBy(() -> new Move("A", -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Move("", 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIssueCannotBeItsOwnUnmetBlocker() {
        assertThatThrownBy(() -> new UnmetDependency("A", "A")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aProposedOrderHasOneMovePerIssue() {
        assertThatThrownBy(() -> new ProposedOrder(List.of("A"), List.of(), List.of(), List.of()))
            .isInstanceOf(IllegalArgumentException.class);
    }

}
