package dev.throughline.jira;

import org.springframework.http.HttpHeaders;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Jira's rate-limit headers: {@code Beta-RateLimit} or {@code RateLimit}
 * ({@code "policy";r=<remaining>;t=<seconds to reset>}, or the older
 * {@code limit=…, remaining=…, reset=…}), {@code Beta-RateLimit-Policy} /
 * {@code RateLimit-Policy} ({@code q=<quota>}), {@code RateLimit-Reset} (seconds, or a
 * timestamp such as {@code 2026-03-02T15:00Z}) and {@code X-RateLimit-*}. Any one may be
 * missing; an unreadable value counts as missing.
 */
final class QuotaHeaders {

    private static final long EPOCH_SECONDS_FROM = 1_000_000_000L;

    private QuotaHeaders() {
    }

    static Optional<QuotaReport> of(HttpHeaders headers, Instant now) {
        if (headers == null) {
            return Optional.empty();
        }
        Map<String, String> limit = params(first(headers, "Beta-RateLimit", "RateLimit"));
        Map<String, String> policy = params(first(headers, "Beta-RateLimit-Policy", "RateLimit-Policy"));
        long remaining = number(limit.getOrDefault("r", limit.get("remaining")))
            .orElse(number(headers.getFirst("X-RateLimit-Remaining")).orElse(-1L));
        long quota = number(policy.get("q")).orElse(number(limit.getOrDefault("q", limit.get("limit")))
            .orElse(number(headers.getFirst("X-RateLimit-Limit")).orElse(-1L)));
        Optional<Instant> reset = resetAt(first(headers, "RateLimit-Reset", "X-RateLimit-Reset"), now)
            .or(() -> number(limit.getOrDefault("t", limit.get("reset"))).map(now::plusSeconds));
        if (remaining < 0 && quota < 0 && reset.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new QuotaReport(Math.max(-1, remaining), Math.max(-1, quota), reset));
    }

    /**
     * When a refused call may be made again: {@code Retry-After}, else the reset header,
     * else {@code fallback} from now.
     */
    static Instant retryAt(HttpHeaders headers, Instant now, Duration fallback) {
        return RetryAfter.parse(headers)
            .map(now::plus)
            .or(() -> resetAt(first(headers, "RateLimit-Reset", "X-RateLimit-Reset"), now))
            .orElse(now.plus(fallback));
    }

    static Optional<Instant> resetAt(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Optional<Long> seconds = number(value);
        if (seconds.isPresent()) {
            long s = seconds.get();
            return Optional.of(s >= EPOCH_SECONDS_FROM ? Instant.ofEpochSecond(s) : now.plusSeconds(s));
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
        }
        catch (DateTimeParseException e) {
            try {
                // Jira's own short form, e.g. 2026-03-02T15:00Z
                return Optional.of(Instant.parse(value.strip().replaceFirst("T(\\d\\d:\\d\\d)Z$", "T$1:00Z")));
            }
            catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }

    private static String first(HttpHeaders headers, String name, String other) {
        String value = headers.getFirst(name);
        return value != null ? value : headers.getFirst(other);
    }

    /** {@code "name";r=5;t=30} or {@code limit=1, remaining=2} as key → value. */
    private static Map<String, String> params(String value) {
        Map<String, String> params = new HashMap<>();
        if (value == null) {
            return params;
        }
        for (String part : value.split("[;,]")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                params.putIfAbsent(part.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                        part.substring(eq + 1).strip().replace("\"", ""));
            }
        }
        return params;
    }

    private static Optional<Long> number(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            long n = Long.parseLong(value.strip());
            return n < 0 ? Optional.empty() : Optional.of(n);
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

}
