package dev.throughline.planning;

import java.util.Objects;

/**
 * A team's finished effort in each of the last full weeks of the program's throughput
 * window (items or story points, as the plan's effort), oldest first: what the Monte
 * Carlo model draws simulated weeks from.
 */
public record TeamThroughput(String teamId, double[] weeks) {

    public TeamThroughput {
        Objects.requireNonNull(teamId, "teamId");
        weeks = weeks.clone();
        for (double week : weeks) {
            if (!Double.isFinite(week) || week < 0) {
                throw new IllegalArgumentException(teamId + ": weekly throughput must be finite and ≥ 0");
            }
        }
    }

    public boolean measured() {
        for (double week : weeks) {
            if (week > 0) {
                return true;
            }
        }
        return false;
    }

    /** Mean effort finished a week: the default capacity of a week. */
    public double weeklyMean() {
        double sum = 0;
        for (double week : weeks) {
            sum += week;
        }
        return weeks.length == 0 ? 0 : sum / weeks.length;
    }

}
