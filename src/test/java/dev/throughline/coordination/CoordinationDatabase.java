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
 * A fresh in-memory H2 database with the app's coordination tables, made by the app's own
 * changelog.
 */
final class CoordinationDatabase {

    static final String CHANGELOG = "db/changelog/throughline-001-coordination.yaml";

    private CoordinationDatabase() {
    }

    static DataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:coordination-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database).update(new Contexts());
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return dataSource;
    }

}
