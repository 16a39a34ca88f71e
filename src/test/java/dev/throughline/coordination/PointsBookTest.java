package dev.throughline.coordination;

import dev.throughline.jira.CallFeature;
import dev.throughline.jira.JiraCall;
import dev.throughline.pacing.PointsLedger;
import dev.throughline.pacing.PointsPruning;
import dev.throughline.tenant.Site;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Two app instances (two ledgers, two books) on one database book every call once: their
 * sums add up in the shared rows however their flushes interleave.
 */
class PointsBookTest {

    private static final Site SITE = new Site("site-a", URI.create("https://a.atlassian.net"));

    private static JiraCall call(CallFeature feature, boolean user, long points) {
        return new JiraCall(feature, user, false, "POST /rest/api/3/search/jql", 200, points, Optional.empty(),
                Optional.empty());
    }

    private static PointsLedger ledger(DataSource db, MeterRegistry meters) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("meters", meters);
        return new PointsLedger(new DatabasePointsBook(new JdbcTemplate(db)),
                beans.getBeanProvider(MeterRegistry.class));
    }

    @Test
    void twoInstancesBookingAtOnceSumInTheDatabase() throws Exception {
        DataSource db = CoordinationDatabase.h2();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        List<PointsLedger> instances = List.of(ledger(db, meters), ledger(db, meters));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            PointsLedger ledger = instances.get(t % 2);
            work.add(pool.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    ledger.answered(SITE, call(CallFeature.PROGRAM, true, 101));
                    ledger.answered(SITE, call(CallFeature.BACKGROUND, false, 1));
                    if (i % 50 == 0) {
                        ledger.flush();
                    }
                }
            }));
        }
        for (Future<?> f : work) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        instances.get(1).flush();
        List<PointsBook.Entry> hour = instances.get(0).thisHour(SITE.clientKey());

        assertThat(hour)
            .extracting(PointsBook.Entry::feature, PointsBook.Entry::user, PointsBook.Entry::points,
                    PointsBook.Entry::calls)
            .containsExactlyInAnyOrder(tuple("background", false, 4_000L, 4_000L),
                    tuple("program", true, 404_000L, 4_000L));
        assertThat(instances.get(1).backgroundThisHour(SITE.clientKey())).isEqualTo(4_000);
        assertThat(meters.get("throughline.jira.points").tag("feature", "program").counter().count())
            .isEqualTo(404_000);
    }

    @Test
    void theNewestQuotaReportWins() {
        DataSource db = CoordinationDatabase.h2();
        DatabasePointsBook one = new DatabasePointsBook(new JdbcTemplate(db));
        DatabasePointsBook two = new DatabasePointsBook(new JdbcTemplate(db));
        Instant t = Instant.parse("2026-03-02T14:05:00Z");

        one.reportQuota("s", new PointsBook.Quota(900, 1000, Optional.empty(), t.plusSeconds(10)));
        two.reportQuota("s", new PointsBook.Quota(950, 1000, Optional.empty(), t)); // older:
                                                                                    // ignored

        assertThat(two.quota("s")).hasValueSatisfying(q -> assertThat(q.remaining()).isEqualTo(900));
    }

    @Test
    void pruningDeletesTheHoursOlderThanTheRetentionOnlyAndAnyInstanceMayRunItAgain() {
        SharedPointsBooks db = new SharedPointsBooks();
        PointsBook one = db.instance();
        PointsBook two = db.instance();
        Instant now = Instant.parse("2026-03-09T14:05:00Z");
        Instant hour = PointsLedger.hourOf(now);
        for (Duration ago : List.of(Duration.ofDays(8), Duration.ofDays(7).plusHours(1), Duration.ofDays(7),
                Duration.ofHours(1), Duration.ZERO)) {
            one.add(List.of(new PointsBook.Entry("s", hour.minus(ago), "program", true, 101, 1)));
        }
        one.stop(new PointsBook.Stop("s", "jira-quota-tenant-based", now.minus(Duration.ofDays(8))));
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);

        assertThat(new PointsPruning(one, Duration.ofDays(7), clock).prune()).isEqualTo(2);
        assertThat(new PointsPruning(two, Duration.ofDays(7), clock).prune()).isZero();

        assertThat(two.hour("s", hour.minus(Duration.ofDays(7)))).hasSize(1);
        assertThat(two.hour("s", hour.minus(Duration.ofDays(7).plusHours(1)))).isEmpty();
        assertThat(two.hour("s", hour)).hasSize(1);
        assertThat(two.stopOf("s", Instant.EPOCH)).isEmpty();
    }

    @Test
    void aQuotaStopIsSharedAndTheLaterOneIsKept() {
        SharedPointsBooks db = new SharedPointsBooks();
        Instant t = Instant.parse("2026-03-02T14:05:00Z");

        db.instance().stop(new PointsBook.Stop("s", "jira-quota-tenant-based", t.plusSeconds(600)));
        db.instance().stop(new PointsBook.Stop("s", "jira-quota-tenant-based", t.plusSeconds(60)));

        PointsBook another = db.instance();
        assertThat(another.stopOf("s", t))
            .contains(new PointsBook.Stop("s", "jira-quota-tenant-based", t.plusSeconds(600)));
        assertThat(another.stopOf("s", t.plusSeconds(600))).isEmpty();
        assertThat(another.stopOf("*", t)).isEmpty();
    }

}
