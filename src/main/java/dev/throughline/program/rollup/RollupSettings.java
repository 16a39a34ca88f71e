package dev.throughline.program.rollup;

import dev.throughline.program.ProgressBasis;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * The knobs of one rollup. Accumulators built with different settings cannot be merged,
 * because overdue and sub-task handling are decided while folding.
 *
 * @param throughputWeeks full weeks before {@code today} whose done counts feed the
 * forecast
 * @param trials Monte Carlo trials per forecast
 * @param seed makes forecasts repeatable
 * @param themeEnds last day of each theme's end quarter, by theme id (for dependency
 * conflicts)
 * @param scopeGrowth whether forecasts add sampled weekly created counts to the remaining
 * scope
 */
public record RollupSettings(ProgressBasis progressBasis, boolean includeSubtasks, int throughputWeeks, int trials,
        long seed, LocalDate today, Map<String, LocalDate> themeEnds, boolean scopeGrowth) {

    public static final int DEFAULT_THROUGHPUT_WEEKS = 12;

    public static final int DEFAULT_TRIALS = 10_000;

    public static final int MAX_THROUGHPUT_WEEKS = 520;

    public static final int MAX_TRIALS = 1_000_000;

    public RollupSettings {
        if (progressBasis == null) {
            throw new IllegalArgumentException("progressBasis is missing");
        }
        if (today == null) {
            throw new IllegalArgumentException("today is missing");
        }
        if (throughputWeeks < 1 || throughputWeeks > MAX_THROUGHPUT_WEEKS) {
            throw new IllegalArgumentException(
                    "throughputWeeks must be 1.." + MAX_THROUGHPUT_WEEKS + ", was " + throughputWeeks);
        }
        if (trials < 1 || trials > MAX_TRIALS) {
            throw new IllegalArgumentException("trials must be 1.." + MAX_TRIALS + ", was " + trials);
        }
        if (themeEnds == null) {
            throw new IllegalArgumentException("themeEnds must not be null (use an empty map)");
        }
        themeEnds.forEach((theme, end) -> {
            if (theme == null || theme.isBlank() || end == null) {
                throw new IllegalArgumentException(
                        "themeEnds needs a theme id and an end date, got " + theme + "=" + end);
            }
        });
        themeEnds = Map.copyOf(themeEnds);
    }

    /**
     * Issue-count progress, sub-tasks excluded, 12 weeks of history, 10,000 trials, seed
     * 1, no scope growth.
     */
    public static RollupSettings defaults(LocalDate today) {
        return new RollupSettings(ProgressBasis.ISSUE_COUNT, false, DEFAULT_THROUGHPUT_WEEKS, DEFAULT_TRIALS, 1L, today,
                Map.of(), false);
    }

    public RollupSettings withProgressBasis(ProgressBasis basis) {
        return new RollupSettings(basis, includeSubtasks, throughputWeeks, trials, seed, today, themeEnds, scopeGrowth);
    }

    public RollupSettings withIncludeSubtasks(boolean include) {
        return new RollupSettings(progressBasis, include, throughputWeeks, trials, seed, today, themeEnds, scopeGrowth);
    }

    public RollupSettings withThroughputWeeks(int weeks) {
        return new RollupSettings(progressBasis, includeSubtasks, weeks, trials, seed, today, themeEnds, scopeGrowth);
    }

    public RollupSettings withTrials(int count) {
        return new RollupSettings(progressBasis, includeSubtasks, throughputWeeks, count, seed, today, themeEnds,
                scopeGrowth);
    }

    public RollupSettings withSeed(long value) {
        return new RollupSettings(progressBasis, includeSubtasks, throughputWeeks, trials, value, today, themeEnds,
                scopeGrowth);
    }

    public RollupSettings withThemeEnds(Map<String, LocalDate> ends) {
        return new RollupSettings(progressBasis, includeSubtasks, throughputWeeks, trials, seed, today, ends,
                scopeGrowth);
    }

    public RollupSettings withScopeGrowth(boolean growth) {
        return new RollupSettings(progressBasis, includeSubtasks, throughputWeeks, trials, seed, today, themeEnds,
                growth);
    }

    /** Monday of the ISO week containing {@code today}. */
    public LocalDate currentWeek() {
        return Weeks.mondayOf(today);
    }

    /**
     * Theme end dates are only read when a result is assembled, so accumulators may
     * differ in them.
     */
    boolean canMergeWith(RollupSettings other) {
        return other != null && Objects.equals(withThemeEnds(Map.of()), other.withThemeEnds(Map.of()));
    }
}
