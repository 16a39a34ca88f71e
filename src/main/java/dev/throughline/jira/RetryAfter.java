package dev.throughline.jira;

import org.springframework.http.HttpHeaders;

import java.time.Duration;
import java.util.Optional;

/** Jira's {@code Retry-After} header: whole seconds. */
final class RetryAfter {

    private RetryAfter() {
    }

    static Optional<Duration> parse(HttpHeaders headers) {
        if (headers == null) {
            return Optional.empty();
        }
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(value.strip());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        }
        catch (NumberFormatException e) {
            return Optional.empty(); // an HTTP-date; Jira sends seconds, so fall back to
                                     // backoff
        }
    }

}
