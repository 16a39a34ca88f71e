package dev.throughline.jira;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaHeadersTest {

    private static final Instant NOW = Instant.parse("2026-03-02T14:05:00Z");

    @Test
    void readsTheBetaHeadersAndThePolicy() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("Beta-RateLimit", "\"global-app-quota\";r=64000;t=1800");
        headers.add("Beta-RateLimit-Policy", "\"global-app-quota\";q=65000;w=3600");

        assertThat(QuotaHeaders.of(headers, NOW))
            .contains(new QuotaReport(64000, 65000, Optional.of(Instant.parse("2026-03-02T14:35:00Z"))));
    }

    @Test
    void readsTheOlderFormAndAResetTimestamp() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("RateLimit", "limit=100000, remaining=12");
        headers.add("RateLimit-Reset", "2026-03-02T15:00Z");

        assertThat(QuotaHeaders.of(headers, NOW))
            .contains(new QuotaReport(12, 100000, Optional.of(Instant.parse("2026-03-02T15:00:00Z"))));
    }

    @Test
    void noQuotaHeadersNoReport() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("Beta-RateLimit", "garbage");

        assertThat(QuotaHeaders.of(headers, NOW)).isEmpty();
    }

    @Test
    void aRefusalIsRetriedAfterRetryAfterElseTheResetElseTheFallback() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("RateLimit-Reset", "2026-03-02T15:00:00Z");
        assertThat(QuotaHeaders.retryAt(headers, NOW, Duration.ofMinutes(1))).isEqualTo("2026-03-02T15:00:00Z");
        headers.add("Retry-After", "30");
        assertThat(QuotaHeaders.retryAt(headers, NOW, Duration.ofMinutes(1))).isEqualTo("2026-03-02T14:05:30Z");
        assertThat(QuotaHeaders.retryAt(new HttpHeaders(), NOW, Duration.ofMinutes(1)))
            .isEqualTo("2026-03-02T14:06:00Z");
    }

}
