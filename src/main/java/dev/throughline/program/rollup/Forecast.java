package dev.throughline.program.rollup;

import java.util.List;

/**
 * When a group's open items are likely done, as 50/85/95 % percentiles of simulated
 * completion weeks.
 */
public record Forecast(ForecastStatus status, long remainingItems, List<ForecastPercentile> percentiles) {

    public Forecast {
        if (status == null || remainingItems < 0 || percentiles == null) {
            throw new IllegalArgumentException("forecast needs a status, remaining items and percentiles");
        }
        if (status == ForecastStatus.NO_THROUGHPUT && !percentiles.isEmpty()) {
            throw new IllegalArgumentException("a forecast without throughput has no percentiles");
        }
        percentiles = List.copyOf(percentiles);
    }

    public ForecastPercentile percentile(int percent) {
        return percentiles.stream()
            .filter(p -> p.percent() == percent)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no " + percent + " % percentile (" + status + ")"));
    }
}
