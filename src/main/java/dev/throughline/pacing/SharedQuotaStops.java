package dev.throughline.pacing;

import dev.throughline.coordination.PointsBook;
import dev.throughline.jira.RateLimitReason;
import dev.throughline.jira.RateLimits;
import dev.throughline.jira.RateLimits.QuotaStop;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/**
 * Quota stops in the shared database ({@link PointsBook}): a {@code jira-quota-*} 429
 * answered to one instance stops every instance's background calls until the reset, not
 * only its own.
 */
@Component
public class SharedQuotaStops implements RateLimits.SharedStops {

    private final PointsBook book;

    private final Clock clock;

    @Autowired
    SharedQuotaStops(PointsBook book, RateLimits rateLimits) {
        this(book, rateLimits, Clock.systemUTC());
    }

    public SharedQuotaStops(PointsBook book, RateLimits rateLimits, Clock clock) {
        this.book = book;
        this.clock = clock;
        rateLimits.shareStops(this);
    }

    @Override
    public void learnt(String scope, QuotaStop stop) {
        book.stop(new PointsBook.Stop(scope, stop.reason().headerValue(), stop.until()));
    }

    @Override
    public Optional<QuotaStop> find(String scope) {
        return book.stopOf(scope, clock.instant())
            .map(stop -> new QuotaStop(RateLimitReason.of(stop.reason()), stop.until()));
    }

}
