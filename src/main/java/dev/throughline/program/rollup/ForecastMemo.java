package dev.throughline.program.rollup;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Forecasts by their inputs. A forecast is a pure function of a group's open items, its
 * throughput window and the settings that drive the simulation, so a group whose inputs
 * did not change since an earlier rollup (most epics after one issue changed, every group
 * when nothing did) takes the forecast made then instead of simulating again. Bounded:
 * the least recently used inputs are forgotten first.
 */
final class ForecastMemo {

    /** About one entry per epic of a few 100,000-issue programs; a few MB. */
    static final int MAX_ENTRIES = 16_384;

    /**
     * Everything a forecast depends on: with equal inputs the same seeded trials (or
     * exact percentiles) give the same forecast.
     */
    record Inputs(boolean exact, long remaining, List<Long> done, List<Long> created, LocalDate currentWeek, int trials,
            long seed, boolean scopeGrowth) {
    }

    static final ForecastMemo SHARED = new ForecastMemo(MAX_ENTRIES);

    private final Map<Inputs, Forecast> forecasts;

    private long computed;

    ForecastMemo(int maxEntries) {
        this.forecasts = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Inputs, Forecast> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /**
     * The forecast of these inputs; computed outside the lock (two rollups at once may
     * both compute it, and get equal forecasts).
     */
    Forecast of(Inputs inputs, Supplier<Forecast> compute) {
        synchronized (this) {
            Forecast known = forecasts.get(inputs);
            if (known != null) {
                return known;
            }
        }
        Forecast forecast = compute.get();
        synchronized (this) {
            computed++;
            forecasts.put(inputs, forecast);
        }
        return forecast;
    }

    /** How many forecasts were computed rather than taken from memory (tests). */
    synchronized long computed() {
        return computed;
    }

}
