package dev.throughline.program;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Simulates weeks of work: each simulated week draws one past week's done count (and, with scope growth, one
 * past week's created count) uniformly from the throughput window. Week 1 is the week after the current one.
 */
final class MonteCarloForecaster {

    /** Ten years: a trial still unfinished by then is reported as "beyond the horizon", not looped on. */
    static final int HORIZON_WEEKS = 520;
    static final int[] PERCENTILES = {50, 85, 95};

    private final RollupSettings settings;

    MonteCarloForecaster(RollupSettings settings) {
        this.settings = settings;
    }

    Forecast forecast(Tally group) {
        long remaining = group.open();
        LocalDate currentWeek = settings.currentWeek();
        long[] doneHistory = history(group.weeks, currentWeek, true);
        long[] createdHistory = history(group.weeks, currentWeek, false);
        if (remaining == 0) {
            List<ForecastPercentile> now = new ArrayList<>();
            for (int percent : PERCENTILES) {
                now.add(new ForecastPercentile(percent, Optional.of(0), Optional.of(currentWeek)));
            }
            return new Forecast(ForecastStatus.COMPLETE, 0, now);
        }
        if (Arrays.stream(doneHistory).allMatch(count -> count == 0)) {
            return new Forecast(ForecastStatus.NO_THROUGHPUT, remaining, List.of());
        }
        int[] weeksNeeded = simulate(remaining, doneHistory, createdHistory);
        Arrays.sort(weeksNeeded);
        List<ForecastPercentile> percentiles = new ArrayList<>();
        for (int percent : PERCENTILES) {
            // Nearest rank: the smallest simulated week count that at least percent % of trials reach.
            int rank = (int) Math.ceil(percent / 100.0 * weeksNeeded.length);
            int weeks = weeksNeeded[Math.max(rank, 1) - 1];
            percentiles.add(weeks > HORIZON_WEEKS
                    ? new ForecastPercentile(percent, Optional.empty(), Optional.empty())
                    : new ForecastPercentile(percent, Optional.of(weeks), Optional.of(currentWeek.plusWeeks(weeks))));
        }
        return new Forecast(ForecastStatus.FORECAST, remaining, percentiles);
    }

    private int[] simulate(long remainingItems, long[] doneHistory, long[] createdHistory) {
        // Same seed for every group, so a group's forecast does not depend on which other groups exist.
        SplittableRandom random = new SplittableRandom(settings.seed());
        int[] weeksNeeded = new int[settings.trials()];
        for (int trial = 0; trial < weeksNeeded.length; trial++) {
            long remaining = remainingItems;
            int week = 0;
            while (remaining > 0 && week <= HORIZON_WEEKS) {
                week++;
                if (settings.scopeGrowth()) {
                    remaining += createdHistory[random.nextInt(createdHistory.length)];
                }
                remaining -= doneHistory[random.nextInt(doneHistory.length)];
            }
            weeksNeeded[trial] = week;
        }
        return weeksNeeded;
    }

    /** Done (or created) counts of the full weeks before the current week, oldest first. */
    private long[] history(WeeklyCounts weeks, LocalDate currentWeek, boolean done) {
        int size = settings.throughputWeeks();
        long[] counts = new long[size];
        for (int i = 0; i < size; i++) {
            LocalDate week = currentWeek.minusWeeks(size - i);
            counts[i] = done ? weeks.done(week) : weeks.created(week);
        }
        return counts;
    }
}
