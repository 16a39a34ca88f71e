package dev.throughline.coordination;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances' feeds on one (H2) database, polled by hand. */
class DatabaseChangeFeedTest {

    private final DataSource database = CoordinationDatabase.h2();

    private final JdbcTemplate jdbc = new JdbcTemplate(database);

    private DatabaseChangeFeed instance(Clock clock) {
        DatabaseChangeFeed feed = new DatabaseChangeFeed(jdbc, clock, Duration.ofMillis(500), Duration.ofMinutes(10));
        feed.start();
        feed.stop(); // the tests poll by hand
        return feed;
    }

    @Test
    void anotherInstanceHearsEachChangeOnceAndTheWriterDoesNotHearItsOwn() {
        DatabaseChangeFeed a = instance(Clock.systemUTC());
        DatabaseChangeFeed b = instance(Clock.systemUTC());
        List<ChangeFeed.Change> heardByA = new ArrayList<>();
        List<ChangeFeed.Change> heardByB = new ArrayList<>();
        a.subscribe("program", heardByA::add);
        b.subscribe("program", heardByB::add);

        a.publish("site-1", "program", "p1");
        a.publish("site-1", "settings", "");
        a.poll();
        b.poll();
        b.poll();

        assertThat(heardByA).isEmpty();
        assertThat(heardByB).containsExactly(new ChangeFeed.Change("site-1", "program", "p1"));
    }

    @Test
    void anInstanceStartedLaterDoesNotReplayOlderChanges() {
        DatabaseChangeFeed a = instance(Clock.systemUTC());
        a.publish("site-1", "program", "old");
        DatabaseChangeFeed late = instance(Clock.systemUTC());
        List<ChangeFeed.Change> heard = new ArrayList<>();
        late.subscribe("program", heard::add);

        a.publish("site-1", "program", "new");
        late.poll();

        assertThat(heard).extracting(ChangeFeed.Change::item).containsExactly("new");
    }

    @Test
    void aFailingSubscriberDoesNotStopTheOthers() {
        DatabaseChangeFeed a = instance(Clock.systemUTC());
        DatabaseChangeFeed b = instance(Clock.systemUTC());
        List<String> heard = new ArrayList<>();
        b.subscribe("backlog.issue", change -> {
            throw new IllegalStateException("broken cache");
        });
        b.subscribe("backlog.issue", change -> heard.add(change.item()));

        a.publish("site-1", "backlog.issue", List.of("WEB-1", "WEB-2"));
        b.poll();

        assertThat(heard).containsExactly("WEB-1", "WEB-2");
    }

    @Test
    void rowsOlderThanTheRetentionArePruned() {
        Instant now = Instant.parse("2027-03-01T10:00:00Z");
        DatabaseChangeFeed old = instance(Clock.fixed(now.minus(Duration.ofMinutes(11)), ZoneOffset.UTC));
        old.publish("site-1", "program", "old");
        DatabaseChangeFeed current = instance(Clock.fixed(now, ZoneOffset.UTC));
        current.publish("site-1", "program", "recent");

        for (int i = 0; i < 120; i++) { // prunes once per 120 polls
            current.poll();
        }

        assertThat(jdbc.queryForList("SELECT item FROM throughline_change", String.class)).containsExactly("recent");
    }

}
