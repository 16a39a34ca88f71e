package dev.throughline.readmodel.store;

import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.readmodel.ProgramRefinements;
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
        DataSource dataSource = migrated("db/changelog/throughline-004-readmodel.yaml");
        return new JdbcIssueFacts(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    /** Refined programs' ids in a fresh in-memory H2 database. */
    public static ProgramRefinements h2Refinements() {
        DataSource dataSource = migrated("db/changelog/throughline-005-refinement.yaml");
        return new JdbcProgramRefinements(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    private static DataSource migrated(String changelog) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:readmodel-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        migrate(dataSource, changelog);
        return dataSource;
    }

    private static void migrate(DataSource dataSource, String changelog) {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            new Liquibase(changelog, new ClassLoaderResourceAccessor(), database).update(new Contexts());
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
