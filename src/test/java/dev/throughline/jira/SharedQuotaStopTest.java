package dev.throughline.jira;

import dev.throughline.coordination.SharedPointsBooks;
import dev.throughline.jira.RateLimits.QuotaStop;
import dev.throughline.pacing.SharedQuotaStops;
import dev.throughline.support.SettableClock;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two app instances (two rate limits, two books on one database): a quota 429 answered to
 * one stops the other's background calls until the reset, and a user's call still goes.
 */
class SharedQuotaStopTest {

    private static final String SEARCH = "/rest/api/3/search/jql";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T14:05:00Z"));

    private final SharedPointsBooks db = new SharedPointsBooks();

    private RateLimits instance() {
        RateLimits limits = new RateLimits(clock, wait -> clock.move(wait));
        new SharedQuotaStops(db.instance(), limits, clock);
        return limits;
    }

    private static HttpHeaders retryAfter(int seconds) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return headers;
    }

    @Test
    void aTenantQuotaStopLearntByOneInstanceStopsTheOthersBackgroundCallsOfThatSite() throws Exception {
        RateLimits one = instance();
        RateLimits two = instance();

        one.refused("site-a", "POST", SEARCH, RateLimitReason.QUOTA_TENANT, retryAfter(3300));

        QuotaStop stop = new QuotaStop(RateLimitReason.QUOTA_TENANT, clock.instant().plusSeconds(3300));
        assertThat(two.quotaStop("site-a")).contains(stop);
        assertThat(two.quotaStop("site-b")).isEmpty();
        try (JiraCallContext background = JiraCallContext.background(CallFeature.PROGRAM)) {
            assertThatThrownBy(() -> two.admit("site-a", "POST", SEARCH, false, background))
                .isInstanceOf(JiraQuotaExhaustedException.class);
            two.admit("site-b", "POST", SEARCH, false, background);
        }
        try (JiraCallContext user = JiraCallContext.user(CallFeature.PROGRAM)) {
            two.admit("site-a", "POST", SEARCH, false, user);
        }

        clock.move(Duration.ofSeconds(3301));
        assertThat(instance().quotaStop("site-a")).isEmpty();
    }

    @Test
    void theAppsGlobalQuotaStopsEverySiteOnEveryInstanceAndTheLaterStopWins() {
        RateLimits one = instance();
        RateLimits two = instance();

        one.refused("site-a", "POST", SEARCH, RateLimitReason.QUOTA_GLOBAL, retryAfter(600));
        two.refused("site-b", "POST", SEARCH, RateLimitReason.QUOTA_GLOBAL, retryAfter(60));

        QuotaStop longer = new QuotaStop(RateLimitReason.QUOTA_GLOBAL, clock.instant().plusSeconds(600));
        assertThat(instance().quotaStop("site-c")).contains(longer);
        assertThat(two.quotaStop("site-b")).contains(longer);
    }

}
