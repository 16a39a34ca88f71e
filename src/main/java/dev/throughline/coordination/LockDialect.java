package dev.throughline.coordination;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * How one database holds a lock until the end of the current transaction, waiting at most
 * a given time.
 */
enum LockDialect {

    /**
     * Transaction-scoped advisory locks: nothing to store, released by commit, rollback
     * or a lost connection.
     */
    POSTGRESQL {
        @Override
        void prepare(Connection connection, List<Long> ids, long waitMillis) {
            // nothing: advisory locks need no rows
        }

        @Override
        void lock(Connection connection, long id, long waitMillis) throws SQLException {
            try (PreparedStatement timeout = connection.prepareStatement("SELECT set_config('lock_timeout', ?, true)");
                    PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                timeout.setString(1, waitMillis + "ms");
                timeout.execute();
                lock.setLong(1, id);
                lock.execute();
            }
        }

        @Override
        boolean gaveUp(SQLException e) {
            // 55P03 lock_not_available (lock_timeout), 40P01 deadlock_detected
            return "55P03".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
        }
    },

    /**
     * A row per lock in {@code throughline_lock}, created on first use and locked with
     * {@code SELECT … FOR UPDATE} (H2 has no advisory locks). H2 serves one process per
     * database file, but several connections of it wait on the row exactly as instances
     * would.
     */
    H2 {
        @Override
        void prepare(Connection connection, List<Long> ids, long waitMillis) throws SQLException {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO throughline_lock (lock_id) "
                    + "SELECT ? WHERE NOT EXISTS (SELECT 1 FROM throughline_lock WHERE lock_id = ?)")) {
                for (long id : ids) {
                    insert.setLong(1, id);
                    insert.setLong(2, id);
                    try {
                        insert.executeUpdate();
                    }
                    catch (SQLException e) {
                        if (!"23505".equals(e.getSQLState())) { // another connection
                                                                // created it just now:
                                                                // fine
                            throw e;
                        }
                    }
                }
            }
            try (Statement timeout = connection.createStatement()) {
                timeout.execute("SET LOCK_TIMEOUT " + waitMillis); // this session only,
                                                                   // not transactional
            }
        }

        @Override
        void lock(Connection connection, long id, long waitMillis) throws SQLException {
            try (PreparedStatement lock = connection
                .prepareStatement("SELECT lock_id FROM throughline_lock WHERE lock_id = ? FOR UPDATE")) {
                lock.setLong(1, id);
                lock.executeQuery().close();
            }
        }

        @Override
        boolean gaveUp(SQLException e) {
            // HYT00 lock timeout, 40001 deadlock
            return "HYT00".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
        }
    };

    /** Runs before the transaction starts (auto-commit on). */
    abstract void prepare(Connection connection, List<Long> ids, long waitMillis) throws SQLException;

    abstract void lock(Connection connection, long id, long waitMillis) throws SQLException;

    /** Whether the exception means "waited too long" rather than a broken database. */
    abstract boolean gaveUp(SQLException e);

    static LockDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return switch (product) {
            case "PostgreSQL" -> POSTGRESQL;
            case "H2" -> H2;
            default -> throw new IllegalStateException(
                    "Throughline coordinates instances on PostgreSQL or H2, not " + product);
        };
    }

}
