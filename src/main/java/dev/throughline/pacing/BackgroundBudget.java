package dev.throughline.pacing;

import dev.throughline.coordination.PointsBook;
import dev.throughline.jira.JiraClients;
import dev.throughline.jira.RateLimits;
import dev.throughline.tenant.Site;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Paces work no user waits for (refreshes, reconciliation, follow-ups): call
 * {@link #acquire} with the points a step will cost before making its Jira calls, inside
 * a {@code JiraCallContext.background(feature)}.
 * <ul>
 * <li>A site's background work spends at most its share of the hour: the lesser of
 * {@code throughline.pacing.site-budget} and {@code total-budget} divided among the sites
 * doing background work this hour (every instance's points, from the shared book), so one
 * busy site cannot starve the others. The share accrues over the hour (a tenth at once,
 * then evenly), so a refresh is spread out rather than spent at the top of the hour.</li>
 * <li>It yields to users: while a call for a user of that site was answered within
 * {@code user-yield}, it waits.</li>
 * <li>It stops while Jira's quota is used up ({@link RateLimits}): refused until the
 * reset.</li>
 * </ul>
 */
@Component
@EnableConfigurationProperties(PacingSettings.class)
public class BackgroundBudget {

    /** Granted, or not before {@code retryAt} for {@code reason}. */
    public record Decision(boolean granted, Optional<Instant> retryAt, String reason) {

        static Decision grant() {
            return new Decision(true, Optional.empty(), "granted");
        }

        static Decision later(Instant at, String reason) {
            return new Decision(false, Optional.of(at), reason);
        }

    }

    /** Waiting, replaceable in tests. */
    interface Pause {

        void sleep(Duration duration) throws InterruptedException;

    }

    private static final Duration HOUR = Duration.ofHours(1);

    private static final Duration HEAD_START = Duration.ofMinutes(6);

    private static final Duration POLL = Duration.ofMillis(50);

    private final PointsLedger ledger;

    private final PointsBook book;

    private final RateLimits rateLimits;

    private final PacingSettings settings;

    private final Clock clock;

    private final Pause pause;

    @Autowired
    public BackgroundBudget(PointsLedger ledger, PointsBook book, JiraClients jira, PacingSettings settings) {
        this(ledger, book, jira.rateLimits(), settings, ledger.clock(), duration -> Thread.sleep(duration.toMillis()));
    }

    BackgroundBudget(PointsLedger ledger, PointsBook book, RateLimits rateLimits, PacingSettings settings, Clock clock,
            Pause pause) {
        this.ledger = ledger;
        this.book = book;
        this.rateLimits = rateLimits;
        this.settings = settings;
        this.clock = clock;
        this.pause = pause;
    }

    /**
     * Waits, at most {@code maxWait}, until the site may spend {@code estimatedPoints} in
     * the background.
     * @return granted, or when to ask again and why (Jira's quota, the budget, users)
     */
    public Decision acquire(Site site, long estimatedPoints, Duration maxWait) throws InterruptedException {
        if (estimatedPoints < 0) {
            throw new IllegalArgumentException("estimated points must not be negative: " + estimatedPoints);
        }
        Instant giveUp = clock.instant().plus(maxWait);
        while (true) {
            Instant now = clock.instant();
            Optional<RateLimits.QuotaStop> stop = rateLimits.quotaStop(site.clientKey());
            if (stop.isPresent()) {
                return Decision.later(stop.get().until(),
                        "Jira quota reached (" + stop.get().reason().headerValue() + ")");
            }
            Decision decision = userWaiting(site) ? Decision.later(now.plus(POLL), "a user is waiting")
                    : withinBudget(site, estimatedPoints, now);
            if (decision.granted()) {
                return decision;
            }
            Instant retry = decision.retryAt().orElseThrow();
            if (retry.isAfter(giveUp)) {
                return decision;
            }
            pause.sleep(Duration.between(now, retry).compareTo(POLL) < 0 ? POLL : Duration.between(now, retry));
        }
    }

    /**
     * The site's background budget this hour, after sharing the app's among busy sites.
     */
    public long share(Site site) {
        Instant hour = PointsLedger.hourOf(clock.instant());
        long sites = Math.max(1,
                book.backgroundSites(hour) + (ledger.backgroundThisHour(site.clientKey()) == 0 ? 1 : 0));
        return Math.min(settings.siteBudget(), settings.totalBudget() / sites);
    }

    private boolean userWaiting(Site site) {
        return ledger.millisSinceUserCall(site.clientKey())
            .filter(ms -> ms < settings.userYield().toMillis())
            .isPresent();
    }

    private Decision withinBudget(Site site, long estimate, Instant now) {
        long share = share(site);
        long used = ledger.backgroundThisHour(site.clientKey());
        Instant hour = PointsLedger.hourOf(now);
        Duration into = Duration.between(hour, now);
        if (used + estimate <= accrued(share, into)) {
            return Decision.grant();
        }
        // the moment the accrued share covers it, or the next hour
        long needed = used + estimate;
        if (needed > share) {
            return Decision.later(hour.plus(HOUR), "background budget of " + share + " points this hour spent");
        }
        long millis = needed * HOUR.toMillis() / Math.max(1, share) - HEAD_START.toMillis();
        return Decision.later(hour.plus(Duration.ofMillis(Math.max(millis, into.toMillis() + 1))),
                "paced: " + used + " of " + share + " points spent this hour");
    }

    /** What the share allows {@code into} the hour: a tenth at once, the rest evenly. */
    static long accrued(long share, Duration into) {
        long millis = Math.min(HOUR.toMillis(), into.plus(HEAD_START).toMillis());
        return share * millis / HOUR.toMillis();
    }

}
