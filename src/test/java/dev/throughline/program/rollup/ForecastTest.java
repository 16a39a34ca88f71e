package dev.throughline.program.rollup;

import dev.throughline.program.ProgressBasis;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.throughline.program.rollup.TestIssue.CURRENT_WEEK;
import static dev.throughline.program.rollup.TestIssue.epic;
import static dev.throughline.program.rollup.TestIssue.settings;
import static dev.throughline.program.rollup.TestIssue.story;
import static org.assertj.core.api.Assertions.assertThat;

class ForecastTest {

    private static int counter;

    /**
     * {@code count} items created long ago and resolved in the week {@code weeksAgo}
     * weeks before this one.
     */
    private static List<TestIssue> doneWeeksAgo(int weeksAgo, int count, String... themes) {
        List<TestIssue> issues = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            issues.add(story("A-" + (++counter)).doneOn(CURRENT_WEEK.minusWeeks(weeksAgo).plusDays(2)).themes(themes));
        }
        return issues;
    }

    private static List<TestIssue> open(int count, String... themes) {
        List<TestIssue> issues = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            issues.add(story("A-" + (++counter)).themes(themes));
        }
        return issues;
    }

    private static ProgramResult rollUp(RollupSettings settings, List<TestIssue> issues) {
        return TestIssue.rollUp(settings, issues.toArray(new TestIssue[0]));
    }

    private static List<TestIssue> constantThroughputOfFivePerWeekForFourWeeks() {
        List<TestIssue> issues = new ArrayList<>();
        for (int weeksAgo = 1; weeksAgo <= 4; weeksAgo++) {
            issues.addAll(doneWeeksAgo(weeksAgo, 5));
        }
        return issues;
    }

    @Test
    void constantThroughputOfFiveFinishesTwentyItemsInExactlyFourWeeks() {
        List<TestIssue> issues = constantThroughputOfFivePerWeekForFourWeeks();
        issues.addAll(open(20));

        Forecast forecast = rollUp(settings().withThroughputWeeks(4), issues).programForecast();

        assertThat(forecast.status()).isEqualTo(ForecastStatus.FORECAST);
        assertThat(forecast.remainingItems()).isEqualTo(20);
        assertThat(forecast.percentiles()).containsExactly(
                new ForecastPercentile(50, Optional.of(4), Optional.of(CURRENT_WEEK.plusWeeks(4))),
                new ForecastPercentile(85, Optional.of(4), Optional.of(CURRENT_WEEK.plusWeeks(4))),
                new ForecastPercentile(95, Optional.of(4), Optional.of(CURRENT_WEEK.plusWeeks(4))));
    }

    @Test
    void twoValuedThroughputGivesTheGeometricPercentiles() {
        // Weeks done: 0, 0, 4. Four open items finish in the first week that draws the 4
        // (p = 1/3), so
        // P(done within k weeks) = 1 - (2/3)^k: 0.333, 0.556, 0.704, 0.802, 0.868, 0.912,
        // 0.941, 0.961.
        // The 50 % point is week 2, 85 % is week 5, 95 % is week 8.
        List<TestIssue> issues = doneWeeksAgo(1, 4);
        issues.addAll(open(4));

        Forecast forecast = rollUp(settings().withThroughputWeeks(3).withSeed(42), issues).programForecast();

        assertThat(forecast.percentile(50).weeksFromNow()).contains(2);
        assertThat(forecast.percentile(85).weeksFromNow()).contains(5);
        assertThat(forecast.percentile(95).weeksFromNow()).contains(8);
        assertThat(forecast.percentile(95).weekStart()).contains(CURRENT_WEEK.plusWeeks(8));
    }

    @Test
    void theSameSeedGivesTheSameForecastAndTheThroughputWindowSkipsTheCurrentWeek() {
        List<TestIssue> issues = doneWeeksAgo(1, 3);
        issues.addAll(doneWeeksAgo(2, 1));
        issues.addAll(doneWeeksAgo(0, 50)); // this week's work is not a full week: not
                                            // sampled
        issues.addAll(open(10));
        RollupSettings settings = settings().withThroughputWeeks(2).withSeed(7);

        Forecast first = rollUp(settings, issues).programForecast();
        Forecast second = rollUp(settings, issues).programForecast();

        assertThat(first).isEqualTo(second);
        // best case 3 per week -> at least 4 weeks; worst case 1 per week -> at most 10
        // weeks
        assertThat(first.percentile(50).weeksFromNow().orElseThrow()).isBetween(4, 10);
    }

    @Test
    void openItemsWithoutThroughputInTheWindowSayNoThroughput() {
        List<TestIssue> issues = doneWeeksAgo(13, 5); // outside the default 12-week
                                                      // window
        issues.addAll(open(3));

        Forecast forecast = rollUp(settings(), issues).programForecast();

        assertThat(forecast.status()).isEqualTo(ForecastStatus.NO_THROUGHPUT);
        assertThat(forecast.remainingItems()).isEqualTo(3);
        assertThat(forecast.percentiles()).isEmpty();
    }

    @Test
    void aGroupWithNothingOpenIsComplete() {
        Forecast forecast = rollUp(settings(), doneWeeksAgo(20, 2)).programForecast();

        assertThat(forecast.status()).isEqualTo(ForecastStatus.COMPLETE);
        assertThat(forecast.percentile(95).weeksFromNow()).contains(0);
    }

    @Test
    void scopeGrowthMakesTheForecastLater() {
        // Five done per week and one new (still open) item per week: 20 old + 4 new = 24
        // open.
        List<TestIssue> issues = constantThroughputOfFivePerWeekForFourWeeks();
        issues.addAll(open(20));
        for (int weeksAgo = 1; weeksAgo <= 4; weeksAgo++) {
            issues.add(story("A-" + (++counter)).created(CURRENT_WEEK.minusWeeks(weeksAgo)));
        }
        RollupSettings settings = settings().withThroughputWeeks(4);

        Forecast fixedScope = rollUp(settings, issues).programForecast();
        Forecast growingScope = rollUp(settings.withScopeGrowth(true), issues).programForecast();

        assertThat(fixedScope.percentile(85).weeksFromNow()).contains(5); // 24 / 5 per
                                                                          // week
        assertThat(growingScope.percentile(85).weeksFromNow()).contains(6); // 24 / (5 -
                                                                            // 1) per week
    }

    @Test
    void scopeGrowingAsFastAsThroughputIsBeyondTheHorizonNotAnEndlessLoop() {
        List<TestIssue> issues = new ArrayList<>();
        issues.add(story("A-" + (++counter)).created(CURRENT_WEEK.minusWeeks(1)).doneOn(CURRENT_WEEK.minusDays(2)));
        issues.addAll(open(1));

        Forecast forecast = rollUp(settings().withThroughputWeeks(1).withTrials(100).withScopeGrowth(true), issues)
            .programForecast();

        assertThat(forecast.status()).isEqualTo(ForecastStatus.FORECAST);
        assertThat(forecast.percentiles()).allSatisfy(p -> assertThat(p.beyondHorizon()).isTrue());
    }

    @Test
    void themesAndEpicsAreForecastFromTheirOwnThroughput() {
        List<TestIssue> issues = new ArrayList<>();
        issues.add(epic("E-1"));
        for (int weeksAgo = 1; weeksAgo <= 4; weeksAgo++) {
            issues.addAll(doneWeeksAgo(weeksAgo, 2, "T")); // theme T: 2 per week
            issues.addAll(doneWeeksAgo(weeksAgo, 8)); // the rest of the program: 8 per
                                                      // week
        }
        issues.addAll(open(8, "T"));
        issues.add(story("E-2").parent("E-1")); // the epic has done nothing recently

        ProgramResult result = rollUp(settings().withThroughputWeeks(4), issues);

        assertThat(result.themeForecasts().get("T").percentile(50).weeksFromNow()).contains(4); // 8
                                                                                                // /
                                                                                                // 2
        assertThat(result.programForecast().percentile(50).weeksFromNow()).contains(1); // 9
                                                                                        // /
                                                                                        // 10
        assertThat(result.epicForecasts().get("E-1").status()).isEqualTo(ForecastStatus.NO_THROUGHPUT);
    }

    @Test
    void forecastWeeksCountFromTheMondayOfTodaysWeek() {
        LocalDate sunday = LocalDate.of(2026, 3, 8);
        List<TestIssue> issues = constantThroughputOfFivePerWeekForFourWeeks();
        issues.addAll(open(5));

        Forecast forecast = rollUp(settings().withThroughputWeeks(4), issues).programForecast();
        RollupSettings onSunday = new RollupSettings(ProgressBasis.ISSUE_COUNT, false, 4, 100, 1, sunday, Map.of(),
                false);

        assertThat(forecast.percentile(50).weekStart()).contains(CURRENT_WEEK.plusWeeks(1));
        assertThat(onSunday.currentWeek()).isEqualTo(CURRENT_WEEK);
    }

    @Test
    void epicsGetTheExactGeometricPercentilesWhateverTheTrialCount() {
        // the epic's weeks done: 0, 0, 4 → P(its 4 open items are done within k weeks) =
        // 1 - (2/3)^k, exactly
        List<TestIssue> issues = new ArrayList<>();
        issues.add(epic("E-9"));
        for (int i = 0; i < 4; i++) {
            issues.add(story("E-" + (100 + i)).parent("E-9").doneOn(CURRENT_WEEK.minusWeeks(1).plusDays(2)));
            issues.add(story("E-" + (200 + i)).parent("E-9"));
        }

        Forecast fewTrials = rollUp(settings().withThroughputWeeks(3).withTrials(7), issues).epicForecasts().get("E-9");
        Forecast manyTrials = rollUp(settings().withThroughputWeeks(3).withSeed(99), issues).epicForecasts().get("E-9");

        assertThat(fewTrials.percentile(50).weeksFromNow()).contains(2);
        assertThat(fewTrials.percentile(85).weeksFromNow()).contains(5);
        assertThat(fewTrials.percentile(95).weeksFromNow()).contains(8);
        assertThat(manyTrials).isEqualTo(fewTrials);
    }

    @Test
    void exactWeeksMatchConstantThroughputAndReportTheHorizon() {
        assertThat(MonteCarloForecaster.exactWeeks(20, new long[] { 5, 5, 5, 5 })).containsExactly(4, 4, 4);
        assertThat(MonteCarloForecaster.exactWeeks(21, new long[] { 5, 5 })).containsExactly(5, 5, 5);
        // one done item in 52 weeks, 30 open: not finished within ten years at 95 %
        long[] rare = new long[52];
        rare[0] = 1;
        int[] weeks = MonteCarloForecaster.exactWeeks(30, rare);
        assertThat(weeks[2]).isGreaterThan(MonteCarloForecaster.HORIZON_WEEKS);
    }

}
