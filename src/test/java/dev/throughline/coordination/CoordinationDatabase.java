package dev.throughline.coordination;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.UUID;

/**
 * A fresh in-memory H2 database with the app's coordination and points tables, made by
 * the app's own changelogs.
 */
final class CoordinationDatabase {

    static final String CHANGELOG = "db/changelog/throughline-001-coordination.yaml";

    static final String POINTS_CHANGELOG = "db/changelog/throughline-003-points.yaml";

    static final String QUOTA_STOP_CHANGELOG = "db/changelog/throughline-005-quota-stop.yaml";

    static final String REVISIONS_CHANGELOG = "db/changelog/throughline-007-site-revisions.yaml";

    private CoordinationDatabase() {
    }

    static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:coordination-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        for (String changelog : new String[] { CHANGELOG, POINTS_CHANGELOG, QUOTA_STOP_CHANGELOG,
                REVISIONS_CHANGELOG }) {
            // one Liquibase run per file, each on its own connection: a run keeps what it
            // read of the database
            try (Connection connection = dataSource.getConnection()) {
                Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                new Liquibase(changelog, new ClassLoaderResourceAccessor(), database).update(new Contexts());
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return dataSource;
    }

}
