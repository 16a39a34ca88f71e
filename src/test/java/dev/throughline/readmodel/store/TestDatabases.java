package dev.throughline.readmodel.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh empty databases for the store's tests: in-memory H2, or a new database in one
 * embedded PostgreSQL server the test JVM starts once (and stops at its end), so test
 * classes do not each pay a server's start.
 */
final class TestDatabases {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /**
     * @param database {@code h2} or {@code postgres}
     */
    static DataSource fresh(String database) throws Exception {
        if (database.equals("h2")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:readmodel-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            return h2;
        }
        String name = "readmodel_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return postgres().getDatabase("postgres", name);
    }

    private static synchronized EmbeddedPostgres postgres() throws IOException {
        if (postgres == null) {
            EmbeddedPostgres started = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            postgres = started;
        }
        return postgres;
    }

}
