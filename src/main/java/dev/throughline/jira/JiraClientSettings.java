package dev.throughline.jira;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConstructorBinding;

import java.time.Duration;

/**
 * {@code throughline.jira.*}: timeouts, the retry budget for 429/503, the permission
 * cache, and how long to follow a Jira task. Unset values take the defaults below.
 */
@ConstructorBinding
@ConfigurationProperties("throughline.jira")
public record JiraClientSettings(Duration connectTimeout, Duration readTimeout, int maxAttempts, Duration maxTotalWait,
        Duration initialBackoff, Duration maxBackoff, Duration permissionCacheTtl, Duration taskPollInterval,
        Duration taskTimeout) {

    static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(120);

    public JiraClientSettings {
        connectTimeout = positive("connect-timeout", connectTimeout, Duration.ofSeconds(5));
        readTimeout = positive("read-timeout", readTimeout, Duration.ofSeconds(30));
        maxAttempts = maxAttempts == 0 ? 4 : maxAttempts;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("throughline.jira.max-attempts must be at least 1");
        }
        maxTotalWait = notNegative("max-total-wait", maxTotalWait, Duration.ofSeconds(60));
        if (maxTotalWait.compareTo(MAX_RETRY_WAIT) > 0) {
            // retries re-send the request as first signed, and ACSB's JWTs live 180 s
            throw new IllegalArgumentException(
                    "throughline.jira.max-total-wait must be at most " + MAX_RETRY_WAIT.toSeconds() + "s");
        }
        initialBackoff = positive("initial-backoff", initialBackoff, Duration.ofMillis(500));
        maxBackoff = positive("max-backoff", maxBackoff, Duration.ofSeconds(10));
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("throughline.jira.max-backoff is below initial-backoff");
        }
        permissionCacheTtl = notNegative("permission-cache-ttl", permissionCacheTtl, Duration.ofSeconds(60));
        taskPollInterval = positive("task-poll-interval", taskPollInterval, Duration.ofSeconds(1));
        taskTimeout = positive("task-timeout", taskTimeout, Duration.ofMinutes(2));
    }

    /** All defaults. */
    public static JiraClientSettings defaults() {
        return new JiraClientSettings(null, null, 0, null, null, null, null, null, null);
    }

    private static Duration positive(String name, Duration value, Duration fallback) {
        Duration d = value == null ? fallback : value;
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("throughline.jira." + name + " must be positive: " + d);
        }
        return d;
    }

    private static Duration notNegative(String name, Duration value, Duration fallback) {
        Duration d = value == null ? fallback : value;
        if (d.isNegative()) {
            throw new IllegalArgumentException("throughline.jira." + name + " must not be negative: " + d);
        }
        return d;
    }
}
