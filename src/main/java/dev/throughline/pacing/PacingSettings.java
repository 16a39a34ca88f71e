package dev.throughline.pacing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConstructorBinding;

import java.time.Duration;

/**
 * {@code throughline.pacing.*}: the background budget of one site and of the whole app
 * (points per hour), and how long after a user's call background work keeps yielding.
 */
@ConstructorBinding
@ConfigurationProperties("throughline.pacing")
public record PacingSettings(long siteBudget, long totalBudget, Duration userYield) {

    public PacingSettings {
        siteBudget = siteBudget == 0 ? 5_000 : siteBudget;
        totalBudget = totalBudget == 0 ? 40_000 : totalBudget;
        userYield = userYield == null ? Duration.ofMillis(500) : userYield;
        if (siteBudget < 0 || totalBudget < 0 || userYield.isNegative()) {
            throw new IllegalArgumentException("throughline.pacing budgets and user-yield must not be negative");
        }
    }

    public static PacingSettings defaults() {
        return new PacingSettings(0, 0, null);
    }

}
