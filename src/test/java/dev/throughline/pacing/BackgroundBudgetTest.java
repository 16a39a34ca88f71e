package dev.throughline.pacing;

import dev.throughline.coordination.PointsBook;
import dev.throughline.jira.CallFeature;
import dev.throughline.jira.JiraCall;
import dev.throughline.jira.RateLimitReason;
import dev.throughline.jira.RateLimits;
import dev.throughline.support.SettableClock;
import dev.throughline.tenant.Site;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import io.micrometer.core.instrument.MeterRegistry;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Background work is paced under its share of the hour, shared among the busy sites,
 * yields to a user of its site, and stops while Jira's quota is used up.
 */
class BackgroundBudgetTest {

    private static final Site SITE = new Site("site-a", URI.create("https://a.atlassian.net"));

    private static final Instant HOUR = Instant.parse("2026-03-02T14:00:00Z");

    /** The shared book, in memory: background points and busy sites as set. */
    private static final class Book implements PointsBook {

        long background;

        int busySites;

        final List<Entry> added = new ArrayList<>();

        @Override
        public void add(Collection<Entry> entries) {
            added.addAll(entries);
            entries.stream().filter(e -> !e.user()).forEach(e -> background += e.points());
        }

        @Override
        public List<Entry> hour(String siteKey, Instant hour) {
            return added;
        }

        @Override
        public long backgroundPoints(String siteKey, Instant hour) {
            return background;
        }

        @Override
        public int backgroundSites(Instant hour) {
            return busySites;
        }

        @Override
        public void reportQuota(String siteKey, Quota quota) {
        }

        @Override
        public Optional<Quota> quota(String siteKey) {
            return Optional.empty();
        }

        @Override
        public void stop(Stop stop) {
        }

        @Override
        public Optional<Stop> stopOf(String scope, Instant now) {
            return Optional.empty();
        }

        @Override
        public int prune(Instant before) {
            return 0;
        }

    }

    private final Book book = new Book();

    private final SettableClock clock = new SettableClock(HOUR);

    private final List<Duration> pauses = new ArrayList<>();

    private final PointsLedger ledger = new PointsLedger(book, clock,
            new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));

    private BackgroundBudget budget(RateLimits limits, long site, long total, Duration userYield) {
        return new BackgroundBudget(ledger, book, limits, new PacingSettings(site, total, userYield, null), clock,
                pause -> {
                    pauses.add(pause);
                    clock.move(pause);
                });
    }

    private BackgroundBudget budget(long site, long total) {
        return budget(new RateLimits(), site, total, Duration.ofMillis(500));
    }

    @Test
    void theShareAccruesOverTheHourATenthAtOnce() throws InterruptedException {
        BackgroundBudget budget = budget(1000, 40_000);

        assertThat(budget.acquire(SITE, 100, Duration.ZERO).granted()).isTrue();
        book.background = 90;
        BackgroundBudget.Decision later = budget.acquire(SITE, 50, Duration.ZERO);

        assertThat(later.granted()).isFalse();
        // 140 points of 1000 accrue 8.4 minutes into the hour, 6 of them given at once
        assertThat(later.retryAt()).contains(HOUR.plus(Duration.ofSeconds(144)));
        assertThat(budget.acquire(SITE, 50, Duration.ofMinutes(5)).granted()).isTrue();
        assertThat(clock.instant()).isEqualTo(HOUR.plus(Duration.ofSeconds(144)));
    }

    @Test
    void aSpentShareWaitsForTheNextHour() throws InterruptedException {
        book.background = 990;
        clock.set(HOUR.plus(Duration.ofMinutes(59)));

        BackgroundBudget.Decision later = budget(1000, 40_000).acquire(SITE, 50, Duration.ZERO);

        assertThat(later.retryAt()).contains(HOUR.plus(Duration.ofHours(1)));
        assertThat(later.reason()).contains("budget");
    }

    @Test
    void theAppsBudgetIsSharedAmongTheBusySites() {
        book.busySites = 7; // seven others; this one joins
        assertThat(budget(1000, 4000).share(SITE)).isEqualTo(500);
        book.busySites = 1;
        assertThat(budget(1000, 4000).share(SITE)).isEqualTo(1000);
    }

    @Test
    void itYieldsToAUserOfItsSite() throws InterruptedException {
        BackgroundBudget budget = budget(new RateLimits(), 1000, 40_000, Duration.ofMillis(300));
        ledger.answered(SITE, new JiraCall(CallFeature.PROGRAM, true, false, "POST /rest/api/3/search/jql", 200, 3,
                Optional.empty(), Optional.empty()));

        BackgroundBudget.Decision waiting = budget.acquire(SITE, 1, Duration.ofMillis(100));
        assertThat(waiting.granted()).isFalse();
        assertThat(waiting.reason()).isEqualTo("a user is waiting");
        assertThat(
                budget.acquire(new Site("site-b", URI.create("https://b.atlassian.net")), 1, Duration.ZERO).granted())
            .isTrue();

        Thread.sleep(350);
        assertThat(budget.acquire(SITE, 1, Duration.ZERO).granted()).isTrue();
    }

    @Test
    void itStopsWhileJirasQuotaIsUsedUp() throws InterruptedException {
        Instant reset = HOUR.plus(Duration.ofMinutes(55));
        RateLimits stopped = new RateLimits() {
            @Override
            public Optional<QuotaStop> quotaStop(String clientKey) {
                return Optional.of(new QuotaStop(RateLimitReason.QUOTA_TENANT, reset));
            }
        };

        BackgroundBudget.Decision decision = budget(stopped, 1000, 40_000, Duration.ZERO).acquire(SITE, 1,
                Duration.ofHours(2));

        assertThat(decision.granted()).isFalse();
        assertThat(decision.retryAt()).contains(reset);
        assertThat(decision.reason()).contains("jira-quota-tenant-based");
        assertThat(pauses).isEmpty();
    }

}
