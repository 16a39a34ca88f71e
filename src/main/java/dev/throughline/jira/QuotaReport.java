package dev.throughline.jira;

import java.time.Instant;
import java.util.Optional;

/**
 * What Jira said of the points quota in an answer's {@code Beta-RateLimit} /
 * {@code RateLimit} headers: points left, the quota, and when it resets; -1 where the
 * answer did not say.
 */
public record QuotaReport(long remaining, long limit, Optional<Instant> resetAt) {

    public QuotaReport {
        if (remaining < -1 || limit < -1) {
            throw new IllegalArgumentException("quota numbers are -1 (unknown) or more");
        }
        resetAt = resetAt == null ? Optional.empty() : resetAt;
    }

}
