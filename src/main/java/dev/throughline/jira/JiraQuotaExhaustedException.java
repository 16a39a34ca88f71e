package dev.throughline.jira;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jira's points quota is used up until {@link #until()} (a 429 with
 * {@code jira-quota-global-based} or {@code jira-quota-tenant-based}), or a background
 * call was not sent because it is. Waiting is pointless: pages answer what they last
 * read, with its age.
 */
public class JiraQuotaExhaustedException extends JiraRateLimitedException {

    private final RateLimitReason reason;

    private final Instant until;

    public JiraQuotaExhaustedException(String message, RateLimitReason reason, Instant until, Instant now,
            List<String> errorMessages, Map<String, String> errors) {
        super(message + " (" + reason.headerValue() + " until " + until + ")",
                Optional.of(Duration.between(now, until).isNegative() ? Duration.ZERO : Duration.between(now, until)),
                errorMessages, errors);
        this.reason = reason;
        this.until = until;
    }

    public RateLimitReason reason() {
        return reason;
    }

    /** When Jira's quota resets and calls may be made again. */
    public Instant until() {
        return until;
    }

}
