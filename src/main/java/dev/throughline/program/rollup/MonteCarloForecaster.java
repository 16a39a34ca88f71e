package dev.throughline.program.rollup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Simulates weeks of work: each simulated week draws one past week's done count (and,
 * with scope growth, one past week's created count) uniformly from the throughput window.
 * Week 1 is the week after the current one.
 */
final class MonteCarloForecaster {

    /**
     * Ten years: a trial still unfinished by then is reported as "beyond the horizon",
     * not looped on.
     */
    static final int HORIZON_WEEKS = 520;
    static final int[] PERCENTILES = { 50, 85, 95 };

    private final RollupSettings settings;

    private final ForecastMemo memo;

    MonteCarloForecaster(RollupSettings settings) {
        this(settings, ForecastMemo.SHARED);
    }

    MonteCarloForecaster(RollupSettings settings, ForecastMemo memo) {
        this.settings = settings;
        this.memo = memo;
    }

    /**
     * The seeded Monte Carlo forecast with the settings' trial count (program and
     * themes).
     */
    Forecast forecast(Tally group) {
        return forecast(group, false);
    }

    /**
     * The forecast of a small group (an epic): without scope growth, the exact
     * percentiles of the same random process, i.e. what infinitely many trials would
     * give, at a cost of weeks × remaining items × distinct weekly counts instead of
     * trials × weeks. With scope growth it falls back to the Monte Carlo forecast.
     */
    Forecast exactForecast(Tally group) {
        return forecast(group, !settings.scopeGrowth());
    }

    private Forecast forecast(Tally group, boolean exact) {
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
        List<Long> window = Arrays.stream(doneHistory).boxed().toList();
        if (Arrays.stream(doneHistory).allMatch(count -> count == 0)) {
            return new Forecast(ForecastStatus.NO_THROUGHPUT, remaining, List.of(), window, 0);
        }
        // with scope growth the trials draw created counts too; otherwise they play no
        // part
        boolean created = settings.scopeGrowth() && !exact;
        ForecastMemo.Inputs inputs = new ForecastMemo.Inputs(exact, remaining, window,
                created ? Arrays.stream(createdHistory).boxed().toList() : List.of(), currentWeek,
                exact ? 0 : settings.trials(), exact ? 0 : settings.seed(), created);
        return memo.of(inputs, () -> simulated(remaining, currentWeek, window, doneHistory, createdHistory, exact));
    }

    private Forecast simulated(long remaining, LocalDate currentWeek, List<Long> window, long[] doneHistory,
            long[] createdHistory, boolean exact) {
        int[] percentileWeeks = exact ? exactWeeks(remaining, doneHistory)
                : simulatedWeeks(remaining, doneHistory, createdHistory);
        List<ForecastPercentile> percentiles = new ArrayList<>();
        for (int i = 0; i < PERCENTILES.length; i++) {
            int percent = PERCENTILES[i];
            int weeks = percentileWeeks[i];
            percentiles.add(weeks > HORIZON_WEEKS ? new ForecastPercentile(percent, Optional.empty(), Optional.empty())
                    : new ForecastPercentile(percent, Optional.of(weeks), Optional.of(currentWeek.plusWeeks(weeks))));
        }
        // the inputs travel with the dates: the page shows them one click away
        return new Forecast(ForecastStatus.FORECAST, remaining, percentiles, window, exact ? 0 : settings.trials());
    }

    /**
     * Per percentile, the smallest simulated week count that at least that share of
     * trials reach (nearest rank).
     */
    private int[] simulatedWeeks(long remaining, long[] doneHistory, long[] createdHistory) {
        int[] weeksNeeded = simulate(remaining, doneHistory, createdHistory);
        Arrays.sort(weeksNeeded);
        int[] result = new int[PERCENTILES.length];
        for (int i = 0; i < PERCENTILES.length; i++) {
            int rank = (int) Math.ceil(PERCENTILES[i] / 100.0 * weeksNeeded.length);
            result[i] = weeksNeeded[Math.max(rank, 1) - 1];
        }
        return result;
    }

    /**
     * Per percentile, the smallest week w with P(done by week w) ≥ percent %,
     * HORIZON_WEEKS + 1 when not within the horizon. Tracks the probability of each
     * remaining count week by week (each week draws one history week uniformly, as a
     * trial does).
     */
    static int[] exactWeeks(long remainingItems, long[] doneHistory) {
        int remaining = (int) Math.min(remainingItems, Integer.MAX_VALUE - 1);
        TreeMap<Long, Integer> counts = new TreeMap<>();
        for (long done : doneHistory) {
            counts.merge(done, 1, Integer::sum);
        }
        long[] draws = counts.keySet().stream().mapToLong(Long::longValue).toArray();
        double[] chance = counts.values().stream().mapToDouble(n -> n / (double) doneHistory.length).toArray();
        double[] open = new double[remaining + 1]; // open[r]: probability that r items
                                                   // are still open
        open[remaining] = 1;
        double finished = 0;
        int[] result = new int[PERCENTILES.length];
        Arrays.fill(result, HORIZON_WEEKS + 1);
        int next = 0;
        for (int week = 1; week <= HORIZON_WEEKS && next < PERCENTILES.length; week++) {
            double[] after = new double[remaining + 1];
            for (int r = 1; r <= remaining; r++) {
                if (open[r] == 0) {
                    continue;
                }
                for (int d = 0; d < draws.length; d++) {
                    long left = r - draws[d];
                    if (left <= 0) {
                        finished += open[r] * chance[d];
                    }
                    else {
                        after[(int) left] += open[r] * chance[d];
                    }
                }
            }
            open = after;
            // a tiny tolerance so that sums of exact shares (e.g. 0.85) are not missed by
            // rounding
            while (next < PERCENTILES.length && finished >= PERCENTILES[next] / 100.0 - 1e-12) {
                result[next++] = week;
            }
        }
        return result;
    }

    private int[] simulate(long remainingItems, long[] doneHistory, long[] createdHistory) {
        // Same seed for every group, so a group's forecast does not depend on which other
        // groups exist.
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

    /**
     * Done (or created) counts of the full weeks before the current week, oldest first.
     */
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
