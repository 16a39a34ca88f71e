package dev.throughline.jira;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jira kept answering 429 until the retry budget ran out; {@link #retryAfter()} is its
 * last advice.
 */
public class JiraRateLimitedException extends JiraException {

    private final Duration retryAfter;

    public JiraRateLimitedException(String message, Optional<Duration> retryAfter, List<String> errorMessages,
            Map<String, String> errors) {
        super(message + retryAfter.map(d -> " (Retry-After " + d.toSeconds() + " s)").orElse(""), 429, errorMessages,
                errors);
        this.retryAfter = retryAfter.orElse(null);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

}
