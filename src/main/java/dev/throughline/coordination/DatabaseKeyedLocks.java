package dev.throughline.coordination;

import dev.throughline.problems.BusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@link KeyedLocks} held in the shared database, so they serialise writers across every
 * app instance. Each call borrows one pooled connection, opens a transaction, takes the
 * keys' locks in ascending id order and keeps them (and the connection) until the action
 * returns; the rollback at the end releases them. Nothing is written in that transaction,
 * so the rollback loses nothing. The whole acquisition waits at most
 * {@code throughline.coordination.lock-wait}; a pool with no free connection counts as
 * busy too.
 *
 * <p>
 * At most {@code throughline.coordination.max-locks} calls hold (or wait for) a lock at
 * once, fewer than the pool's connections: a pile-up on one hot key must leave
 * connections for ACSB's site lookups (every request) and for the change feed.
 */
@Component
class DatabaseKeyedLocks implements KeyedLocks {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseKeyedLocks.class);

    private final DataSource dataSource;

    private final Duration maxWait;

    private final Semaphore connectionsForLocks;

    /**
     * Ids this thread holds already: a nested call must not wait for its own lock on
     * another connection.
     */
    private final ThreadLocal<Set<Long>> held = ThreadLocal.withInitial(HashSet::new);

    private volatile LockDialect dialect;

    DatabaseKeyedLocks(DataSource dataSource, @Value("${throughline.coordination.lock-wait:10s}") Duration maxWait,
            @Value("${throughline.coordination.max-locks:20}") int maxLocks) {
        if (maxWait.isNegative() || maxWait.isZero() || maxLocks < 1) {
            throw new IllegalArgumentException(
                    "throughline.coordination.lock-wait and max-locks must be positive: " + maxWait + ", " + maxLocks);
        }
        this.dataSource = dataSource;
        this.maxWait = maxWait;
        this.connectionsForLocks = new Semaphore(maxLocks, true);
    }

    @Override
    public <T> T withLock(String siteKey, Collection<String> keys, Supplier<T> action) {
        Set<Long> mine = held.get();
        List<Long> ids = LockIds.of(siteKey, keys).stream().filter(id -> !mine.contains(id)).toList();
        if (ids.isEmpty()) {
            return action.get();
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        takeTurn();
        try {
            Connection connection = open();
            try {
                acquire(connection, ids, deadline);
                mine.addAll(ids);
                try {
                    return action.get();
                }
                finally {
                    mine.removeAll(ids);
                }
            }
            finally {
                release(connection);
            }
        }
        finally {
            connectionsForLocks.release();
        }
    }

    private void takeTurn() {
        try {
            if (!connectionsForLocks.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
    }

    private Connection open() {
        try {
            return dataSource.getConnection();
        }
        catch (SQLException e) {
            LOG.warn("No database connection for a lock: {}", e.getMessage());
            throw busy();
        }
    }

    private void acquire(Connection connection, List<Long> ids, long deadline) {
        try {
            LockDialect dialect = dialect(connection);
            dialect.prepare(connection, ids, Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            connection.setAutoCommit(false);
            for (long id : ids) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remaining <= 0) {
                    throw busy();
                }
                try {
                    dialect.lock(connection, id, remaining);
                }
                catch (SQLException e) {
                    if (dialect.gaveUp(e)) {
                        throw busy();
                    }
                    throw e;
                }
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("The database could not take a lock: " + e.getMessage(), e);
        }
    }

    private LockDialect dialect(Connection connection) throws SQLException {
        if (dialect == null) {
            dialect = LockDialect.of(connection);
        }
        return dialect;
    }

    /**
     * Ends the transaction (releasing every lock) and returns the connection; never hides
     * the action's outcome.
     */
    private static void release(Connection connection) {
        try (connection) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        catch (SQLException e) {
            LOG.warn("Releasing a lock's connection failed (the database ends its transaction anyway): {}",
                    e.getMessage());
        }
    }

    private static BusyException busy() {
        return new BusyException(
                "Someone else is changing this right now; nothing was changed. Try again in a moment.");
    }

}
