package dev.throughline.grooming;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScoreRanksTest {

    private static ScoreRanks.Scored scored(String key, String model, String score) {
        return new ScoreRanks.Scored(key, model, new BigDecimal(score));
    }

    @Test
    void highestScoreRanksFirstAndTiesShareARank() {
        Map<String, ScoreRanks.Rank> ranks = ScoreRanks.of(List.of(scored("A-1", "RICE", "10"),
                scored("A-2", "RICE", "30"), scored("A-3", "RICE", "10.0"), scored("A-4", "RICE", "5")));
        assertThat(ranks.get("A-2")).isEqualTo(new ScoreRanks.Rank(1, 4));
        assertThat(ranks.get("A-1")).isEqualTo(new ScoreRanks.Rank(2, 4));
        assertThat(ranks.get("A-3")).as("10 and 10.0 tie").isEqualTo(new ScoreRanks.Rank(2, 4));
        assertThat(ranks.get("A-4")).isEqualTo(new ScoreRanks.Rank(4, 4));
    }

    @Test
    void modelsAreRankedSeparatelyBecauseTheirNumbersDoNotCompare() {
        Map<String, ScoreRanks.Rank> ranks = ScoreRanks
            .of(List.of(scored("A-1", "RICE", "200"), scored("A-2", "WSJF", "3.2"), scored("A-3", "WSJF", "8")));
        assertThat(ranks.get("A-1")).isEqualTo(new ScoreRanks.Rank(1, 1));
        assertThat(ranks.get("A-2")).isEqualTo(new ScoreRanks.Rank(2, 2));
        assertThat(ranks.get("A-3")).isEqualTo(new ScoreRanks.Rank(1, 2));
    }

    @Test
    void aScoredItemWithoutAModelIsRejected() {
        assertThatThrownBy(() -> new ScoreRanks.Scored("A-1", null, BigDecimal.ONE))
            .isInstanceOf(IllegalArgumentException.class);
    }

}
