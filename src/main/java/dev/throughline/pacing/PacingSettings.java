package dev.throughline.pacing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConstructorBinding;

import java.time.Duration;

/**
 * {@code throughline.pacing.*}: the background budget of one site and of the whole app
 * (points per hour), how long after a user's call background work keeps yielding, and how
 * long the points book keeps an hour's rows ({@code points-retention}, default 7 days, at
 * least an hour: the settings page shows only the current hour).
 */
@ConstructorBinding
@ConfigurationProperties("throughline.pacing")
public record PacingSettings(long siteBudget, long totalBudget, Duration userYield, Duration pointsRetention) {

    public PacingSettings {
        siteBudget = siteBudget == 0 ? 5_000 : siteBudget;
        totalBudget = totalBudget == 0 ? 40_000 : totalBudget;
        userYield = userYield == null ? Duration.ofMillis(500) : userYield;
        pointsRetention = pointsRetention == null ? Duration.ofDays(7) : pointsRetention;
        if (siteBudget < 0 || totalBudget < 0 || userYield.isNegative()) {
            throw new IllegalArgumentException("throughline.pacing budgets and user-yield must not be negative");
        }
        if (pointsRetention.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException(
                    "throughline.pacing.points-retention must be at least 1h, was " + pointsRetention);
        }
    }

    public static PacingSettings defaults() {
        return new PacingSettings(0, 0, null, null);
    }

}
