package dev.throughline.program.rollup;

import java.util.List;

/**
 * When a group's open items are likely done, as 50/85/95 % percentiles of simulated
 * completion weeks, with the inputs that made it so a page can show why: the items done
 * in each week of the throughput window ({@code weeklyDone}, oldest first) and the number
 * of simulated trials ({@code trials}, 0 when the percentiles are exact).
 */
public record Forecast(ForecastStatus status, long remainingItems, List<ForecastPercentile> percentiles,
        List<Long> weeklyDone, int trials) {

    public Forecast(ForecastStatus status, long remainingItems, List<ForecastPercentile> percentiles) {
        this(status, remainingItems, percentiles, List.of(), 0);
    }

    public Forecast {
        if (status == null || remainingItems < 0 || percentiles == null) {
            throw new IllegalArgumentException("forecast needs a status, remaining items and percentiles");
        }
        if (status == ForecastStatus.NO_THROUGHPUT && !percentiles.isEmpty()) {
            throw new IllegalArgumentException("a forecast without throughput has no percentiles");
        }
        percentiles = List.copyOf(percentiles);
        weeklyDone = List.copyOf(weeklyDone);
        if (trials < 0) {
            throw new IllegalArgumentException("trials must be >= 0");
        }
    }

    public ForecastPercentile percentile(int percent) {
        return percentiles.stream()
            .filter(p -> p.percent() == percent)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no " + percent + " % percentile (" + status + ")"));
    }
}
