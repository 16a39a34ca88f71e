package dev.throughline.coordination;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The {@link ChangeFeed} as a table every instance writes to and polls: a change is a row
 * (sequence, site, topic, item, writing instance, time); each instance reads the rows
 * after the last one it has seen every {@code poll-interval} and hands other instances'
 * rows to its subscribers. Rows older than {@code retention} are pruned. A change is
 * heard within about one poll interval plus one query.
 */
@Component
class DatabaseChangeFeed implements ChangeFeed, SmartLifecycle {

    static final int MAX_ITEM_LENGTH = 255;

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseChangeFeed.class);

    private static final int PAGE = 1_000;

    /**
     * Prune once per this many polls (every ~minute at 500 ms): deleting is not urgent.
     */
    private static final int PRUNE_EVERY = 120;

    private final JdbcTemplate jdbc;

    private final Clock clock;

    private final Duration pollInterval;

    private final Duration retention;

    private final String instanceId = UUID.randomUUID().toString();

    private final Map<String, List<Consumer<Change>>> listeners = new ConcurrentHashMap<>();

    private final FeedCursor cursor;

    private ScheduledExecutorService poller;

    private int polls;

    DatabaseChangeFeed(JdbcTemplate jdbc, Clock clock,
            @Value("${throughline.coordination.feed-poll-interval:500ms}") Duration pollInterval,
            @Value("${throughline.coordination.feed-retention:10m}") Duration retention) {
        if (pollInterval.toMillis() < 10 || retention.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("throughline.coordination.feed-poll-interval must be ≥ 10ms and"
                    + " feed-retention ≥ 1m, were " + pollInterval + " and " + retention);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.retention = retention;
        this.cursor = new FeedCursor(pollInterval.multipliedBy(4));
    }

    @Override
    public void publish(String siteKey, String topic, Collection<String> items) {
        Objects.requireNonNull(siteKey, "siteKey");
        Objects.requireNonNull(topic, "topic");
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = items.stream().distinct().map(item -> {
            if (item.length() > MAX_ITEM_LENGTH) {
                throw new IllegalArgumentException("A change's item is at most " + MAX_ITEM_LENGTH + " characters");
            }
            return new Object[] { siteKey, topic, item, instanceId, now };
        }).toList();
        if (rows.isEmpty()) {
            return;
        }
        try {
            jdbc.batchUpdate("INSERT INTO throughline_change (site_key, topic, item, instance_id, created_at)"
                    + " VALUES (?, ?, ?, ?, ?)", rows);
        }
        catch (DataAccessException e) {
            // The change itself is made (in Jira) and this instance is fresh: failing the
            // request now would only
            // invite a repeat. The other instances keep their copy until it expires.
            LOG.warn("Could not record a change of {} on {} for the other instances: {}", topic, siteKey,
                    e.getMessage());
        }
    }

    @Override
    public void subscribe(String topic, Consumer<Change> listener) {
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /**
     * Reads the rows after the cursor once and hands other instances' changes to the
     * subscribers.
     */
    void poll() {
        List<Row> rows = jdbc.query(
                "SELECT seq, site_key, topic, item, instance_id FROM throughline_change"
                        + " WHERE seq > ? ORDER BY seq LIMIT " + PAGE,
                (rs, n) -> new Row(rs.getLong(1), new Change(rs.getString(2), rs.getString(3), rs.getString(4)),
                        rs.getString(5)),
                cursor.floor());
        for (Row row : rows) {
            if (cursor.take(row.seq()) && !row.instanceId().equals(instanceId)) {
                deliver(row.change());
            }
        }
        cursor.advance(System.nanoTime());
        if (++polls % PRUNE_EVERY == 0) {
            jdbc.update("DELETE FROM throughline_change WHERE created_at < ?",
                    Timestamp.from(clock.instant().minus(retention)));
        }
    }

    private void deliver(Change change) {
        for (Consumer<Change> listener : listeners.getOrDefault(change.topic(), List.of())) {
            try {
                listener.accept(change);
            }
            catch (RuntimeException e) {
                LOG.warn("A subscriber of {} failed on {}", change.topic(), change, e);
            }
        }
    }

    private record Row(long seq, Change change, String instanceId) {
    }

    @Override
    public synchronized void start() {
        Long last = jdbc.queryForObject("SELECT MAX(seq) FROM throughline_change", Long.class);
        cursor.startAfter(last == null ? 0 : last);
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "change-feed");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::pollQuietly, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void pollQuietly() {
        try {
            poll();
        }
        catch (RuntimeException e) {
            // the database may be restarting; the cursor did not move, so nothing is
            // missed
            LOG.warn("Reading the change feed failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }

}
