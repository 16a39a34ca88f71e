package dev.throughline.readmodel.store;

import dev.throughline.readmodel.IssueFactsStore;
import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.UUID;

/**
 * A fresh in-memory H2 database with the read model's tables, made by the app's own
 * changelog, and the database store over it.
 */
public final class ReadModelDatabase {

    private ReadModelDatabase() {
    }

    public static IssueFactsStore h2Store() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:readmodel-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        migrate(dataSource);
        return new JdbcIssueFacts(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    private static void migrate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            new Liquibase("db/changelog/throughline-004-readmodel.yaml", new ClassLoaderResourceAccessor(), database)
                .update(new Contexts());
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
