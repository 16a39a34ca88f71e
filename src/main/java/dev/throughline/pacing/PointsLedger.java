package dev.throughline.pacing;

import dev.throughline.coordination.PointsBook;
import dev.throughline.jira.JiraCall;
import dev.throughline.jira.JiraCallListener;
import dev.throughline.tenant.Site;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Books every Jira call's points: summed in memory per site, hour, feature and kind,
 * added to the shared {@link PointsBook} every second (and before anyone reads it), and
 * counted in Micrometer ({@code throughline.jira.points} by feature and kind,
 * {@code throughline.jira.refused} by 429 reason). Remembers when each site last served a
 * user, so background work can yield.
 */
@Component
public class PointsLedger implements JiraCallListener, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(PointsLedger.class);

    private record Key(String siteKey, Instant hour, String feature, boolean user) {
    }

    /**
     * Immutable and merged atomically per key: a flush takes a key's sums whole or not at
     * all.
     */
    private record Sums(long points, long calls) {

        Sums plus(Sums other) {
            return new Sums(points + other.points, calls + other.calls);
        }

    }

    private final PointsBook book;

    private final Clock clock;

    private final ObjectProvider<MeterRegistry> meters;

    private final Map<Key, Sums> pending = new ConcurrentHashMap<>();

    private final Map<String, PointsBook.Quota> quotas = new ConcurrentHashMap<>();

    private final Map<String, Long> lastUserCallNanos = new ConcurrentHashMap<>();

    private ScheduledExecutorService flusher;

    /**
     * Hours are Jira's, so real time: not the app's clock, which tests may set to another
     * day.
     */
    @Autowired
    public PointsLedger(PointsBook book, ObjectProvider<MeterRegistry> meters) {
        this(book, Clock.systemUTC(), meters);
    }

    PointsLedger(PointsBook book, Clock clock, ObjectProvider<MeterRegistry> meters) {
        this.book = book;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void answered(Site site, JiraCall call) {
        Instant now = clock.instant();
        pending.merge(new Key(site.clientKey(), hourOf(now), call.feature().label(), call.userWaiting()),
                new Sums(call.points(), 1), Sums::plus);
        if (call.userWaiting()) {
            lastUserCallNanos.put(site.clientKey(), System.nanoTime());
        }
        call.quota()
            .ifPresent(q -> quotas.put(site.clientKey(),
                    new PointsBook.Quota(q.remaining(), q.limit(), q.resetAt(), now)));
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            Counter.builder("throughline.jira.points")
                .description("Jira points spent (Atlassian's rate limiting)")
                .tag("feature", call.feature().label())
                .tag("kind", call.userWaiting() ? "user" : "background")
                .register(registry)
                .increment(call.points());
            call.refusedFor()
                .ifPresent(reason -> registry
                    .counter("throughline.jira.refused", "reason",
                            reason.headerValue().isEmpty() ? "unknown" : reason.headerValue())
                    .increment());
        }
    }

    /** The start (UTC) of the hour {@code at} is in: the bucket points are summed in. */
    public static Instant hourOf(Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS);
    }

    /**
     * How long ago a call for a waiting user of the site was answered (here), if ever.
     */
    public Optional<Long> millisSinceUserCall(String siteKey) {
        Long at = lastUserCallNanos.get(siteKey);
        return at == null ? Optional.empty() : Optional.of((System.nanoTime() - at) / 1_000_000);
    }

    /**
     * Adds what is pending to the shared book; what fails to be added is kept for later.
     */
    public synchronized void flush() {
        List<PointsBook.Entry> entries = new ArrayList<>();
        for (Key key : List.copyOf(pending.keySet())) {
            Sums sums = pending.remove(key);
            if (sums != null) {
                entries.add(new PointsBook.Entry(key.siteKey(), key.hour(), key.feature(), key.user(), sums.points(),
                        sums.calls()));
            }
        }
        Map<String, PointsBook.Quota> reports = Map.copyOf(quotas);
        try {
            book.add(entries);
            reports.forEach((site, quota) -> {
                book.reportQuota(site, quota);
                quotas.remove(site, quota);
            });
        }
        catch (DataAccessException e) {
            LOG.warn("Could not book {} Jira point entries yet: {}", entries.size(), e.getMessage());
            entries
                .forEach(entry -> pending.merge(new Key(entry.siteKey(), entry.hour(), entry.feature(), entry.user()),
                        new Sums(entry.points(), entry.calls()), Sums::plus));
        }
    }

    /**
     * The site's booked points of the current hour, every instance's, this one's pending
     * included.
     */
    public List<PointsBook.Entry> thisHour(String siteKey) {
        flush();
        return book.hour(siteKey, hourOf(clock.instant()));
    }

    /** The background points every instance spent on the site this hour. */
    public long backgroundThisHour(String siteKey) {
        flush();
        return book.backgroundPoints(siteKey, hourOf(clock.instant()));
    }

    public Optional<PointsBook.Quota> quota(String siteKey) {
        flush();
        return book.quota(siteKey);
    }

    Clock clock() {
        return clock;
    }

    /** Now, on the clock hours are counted by. */
    public Instant now() {
        return clock.instant();
    }

    @Override
    public synchronized void start() {
        flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "points-ledger");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, 1, 1, TimeUnit.SECONDS);
    }

    private void flushQuietly() {
        try {
            flush();
        }
        catch (RuntimeException e) {
            LOG.warn("Booking Jira points failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (flusher != null) {
            flusher.shutdownNow();
            flusher = null;
            flushQuietly();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return flusher != null;
    }

}
