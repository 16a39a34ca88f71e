package dev.throughline.jira;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps Jira's error answers (status + {@code {errorMessages, errors}} body) to
 * exceptions.
 */
final class JiraErrors {

    private static final int MAX_RAW_BODY = 500;

    private JiraErrors() {
    }

    static JiraException of(String what, int status, HttpHeaders headers, byte[] body) {
        List<String> messages = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        read(body, messages, errors);
        String message = what + " answered " + status;
        return switch (status) {
            case 400 -> new JiraBadRequestException(message, messages, errors);
            case 401 -> new JiraUnauthorizedException(message, messages, errors);
            case 403 -> new JiraForbiddenException(message, messages, errors);
            case 404 -> new JiraNotFoundException(message, messages, errors);
            case 429 -> rateLimited(message, headers, messages, errors);
            default -> status >= 500 ? new JiraUnavailableException(message, status, messages, errors)
                    : new JiraException(message, status, messages, errors);
        };
    }

    /**
     * A used-up points quota says until when; any other 429 keeps its
     * {@code Retry-After}.
     */
    private static JiraRateLimitedException rateLimited(String message, HttpHeaders headers, List<String> messages,
            Map<String, String> errors) {
        RateLimitReason reason = RateLimitReason.of(headers == null ? null : headers.getFirst(RateLimitReason.HEADER));
        if (!reason.isQuota()) {
            return new JiraRateLimitedException(message, RetryAfter.parse(headers), messages, errors);
        }
        Instant now = Instant.now();
        return new JiraQuotaExhaustedException(message, reason,
                QuotaHeaders.retryAt(headers, now, RateLimits.DEFAULT_QUOTA_STOP), now, messages, errors);
    }

    private static void read(byte[] body, List<String> messages, Map<String, String> errors) {
        if (body == null || body.length == 0) {
            return;
        }
        JsonNode json;
        try {
            json = Json.parse(body);
        }
        catch (RuntimeException notJson) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            messages.add(text.length() > MAX_RAW_BODY ? text.substring(0, MAX_RAW_BODY) + "…" : text);
            return;
        }
        json.path("errorMessages").forEach(m -> messages.add(m.asText()));
        json.path("errors").fields().forEachRemaining(e -> errors.put(e.getKey(), e.getValue().asText()));
        if (json.hasNonNull("message")) { // some endpoints (e.g. app properties) answer
                                          // {message, statusCode}
            messages.add(json.get("message").asText());
        }
    }

}
