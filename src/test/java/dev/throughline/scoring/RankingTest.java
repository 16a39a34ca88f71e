package dev.throughline.scoring;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RankingTest {

    private static List<BigDecimal> scores(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void highestScoreIsRankOneAtTheHundredthPercentile() {
        assertThat(Ranking.of(new BigDecimal("90"), scores("10", "50", "90"))).isEqualTo(new Ranking(1, 3, 100));
    }

    @Test
    void lowestScoreIsLastAtTheZerothPercentile() {
        assertThat(Ranking.of(new BigDecimal("10"), scores("10", "50", "90"))).isEqualTo(new Ranking(3, 3, 0));
    }

    @Test
    void tiesShareTheirRank() {
        List<BigDecimal> all = scores("50", "50.0", "90", "10", "20");

        assertThat(Ranking.of(new BigDecimal("50"), all)).isEqualTo(new Ranking(2, 5, 50));
    }

    @Test
    void aLoneScoredIssueIsFirstOfOne() {
        assertThat(Ranking.of(BigDecimal.ONE, scores("1"))).isEqualTo(new Ranking(1, 1, 100));
    }

    @Test
    void rankingAScoreThatIsNotAmongTheScoresIsAnError() {
        assertThatThrownBy(() -> Ranking.of(BigDecimal.ONE, scores("2"))).isInstanceOf(IllegalArgumentException.class);
    }

}
