package dev.throughline.pacing;

import dev.throughline.coordination.PointsBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes the points book's hours older than {@code throughline.pacing.points-retention}
 * (and ended quota stops), a minute after start and then hourly. Every instance runs it
 * on the shared database: a delete of what another instance deleted already deletes
 * nothing, so no instance needs to be chosen.
 */
@Component
public class PointsPruning implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(PointsPruning.class);

    private final PointsBook book;

    private final Duration retention;

    private final Clock clock;

    private ScheduledExecutorService pruner;

    @Autowired
    PointsPruning(PointsBook book, PacingSettings settings) {
        this(book, settings.pointsRetention(), Clock.systemUTC());
    }

    public PointsPruning(PointsBook book, Duration retention, Clock clock) {
        this.book = book;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * Deletes the hours that started more than the retention ago.
     * @return the rows deleted
     */
    public int prune() {
        return book.prune(PointsLedger.hourOf(clock.instant()).minus(retention));
    }

    private void pruneQuietly() {
        try {
            int deleted = prune();
            if (deleted > 0) {
                LOG.info("Deleted {} Jira points rows older than {}", deleted, retention);
            }
        }
        catch (RuntimeException e) {
            LOG.warn("Pruning Jira points failed (tried again in an hour): {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        pruner = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "points-pruning");
            thread.setDaemon(true);
            return thread;
        });
        pruner.scheduleWithFixedDelay(this::pruneQuietly, 1, 60, TimeUnit.MINUTES);
    }

    @Override
    public synchronized void stop() {
        if (pruner != null) {
            pruner.shutdownNow();
            pruner = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return pruner != null;
    }

}
