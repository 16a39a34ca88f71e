package dev.throughline.program.rollup;

import org.junit.jupiter.api.Test;

import static dev.throughline.program.rollup.TestIssue.CURRENT_WEEK;
import static dev.throughline.program.rollup.TestIssue.TODAY;
import static dev.throughline.program.rollup.TestIssue.settings;
import static dev.throughline.program.rollup.TestIssue.story;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A group whose forecast inputs did not change takes the forecast made before: counted
 * through a memo of its own, and always equal to a forecast made afresh.
 */
class ForecastMemoTest {

    private static int counter;

    private final ForecastMemo memo = new ForecastMemo(ForecastMemo.MAX_ENTRIES);

    /** 5 done in each of the last 4 weeks and {@code open} items open. */
    private static Tally group(int open) {
        Tally tally = new Tally();
        for (int weeksAgo = 1; weeksAgo <= 4; weeksAgo++) {
            for (int i = 0; i < 5; i++) {
                tally.add(ItemFacts.of(
                        story("M-" + (++counter)).doneOn(CURRENT_WEEK.minusWeeks(weeksAgo).plusDays(1)).build(),
                        TODAY));
            }
        }
        for (int i = 0; i < open; i++) {
            tally.add(ItemFacts.of(story("M-" + (++counter)).build(), TODAY));
        }
        return tally;
    }

    @Test
    void equalInputsAreForecastOnce() {
        RollupSettings settings = settings().withThroughputWeeks(4);
        MonteCarloForecaster kept = new MonteCarloForecaster(settings, memo);

        Forecast first = kept.forecast(group(30));
        Forecast again = kept.forecast(group(30));
        Forecast exact = kept.exactForecast(group(30));
        Forecast exactAgain = kept.exactForecast(group(30));

        assertThat(memo.computed()).as("simulated: once for the trials, once exactly").isEqualTo(2);
        assertThat(again).isSameAs(first);
        assertThat(exactAgain).isSameAs(exact);
        MonteCarloForecaster afresh = new MonteCarloForecaster(settings, new ForecastMemo(1));
        assertThat(first).isEqualTo(afresh.forecast(group(30)));
        assertThat(exact).isEqualTo(afresh.exactForecast(group(30)));
    }

    @Test
    void changedInputsAreForecastAgain() {
        RollupSettings settings = settings().withThroughputWeeks(4);
        MonteCarloForecaster kept = new MonteCarloForecaster(settings, memo);
        kept.forecast(group(30));

        Forecast oneMoreOpen = kept.forecast(group(31));
        Forecast otherSeed = new MonteCarloForecaster(settings.withTrials(500), memo).forecast(group(30));
        Forecast scopeGrowth = new MonteCarloForecaster(settings.withScopeGrowth(true), memo).forecast(group(30));

        assertThat(memo.computed()).isEqualTo(4);
        MonteCarloForecaster afresh = new MonteCarloForecaster(settings, new ForecastMemo(1));
        assertThat(oneMoreOpen).isEqualTo(afresh.forecast(group(31)));
        assertThat(otherSeed.trials()).isEqualTo(500);
        assertThat(scopeGrowth).isEqualTo(
                new MonteCarloForecaster(settings.withScopeGrowth(true), new ForecastMemo(1)).forecast(group(30)));
    }

    @Test
    void theLeastRecentlyUsedAreForgotten() {
        ForecastMemo small = new ForecastMemo(2);
        MonteCarloForecaster kept = new MonteCarloForecaster(settings().withThroughputWeeks(4), small);
        kept.forecast(group(10));
        kept.forecast(group(11));
        kept.forecast(group(12));
        kept.forecast(group(11));
        assertThat(small.computed()).isEqualTo(3);
        kept.forecast(group(10));
        assertThat(small.computed()).isEqualTo(4);
    }

}
