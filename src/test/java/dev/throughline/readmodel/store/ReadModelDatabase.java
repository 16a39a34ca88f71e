package dev.throughline.readmodel.store;

import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.readmodel.ProgramRefinements;
import dev.throughline.readmodel.PropertyEventTimes;
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
import java.util.List;
import java.util.UUID;

/**
 * A fresh database (in-memory H2 unless told otherwise) with the read model's tables,
 * made by the app's own changelog, and the database store over it.
 */
public final class ReadModelDatabase {

    private ReadModelDatabase() {
    }

    public static IssueFactsStore h2Store() {
        return h2Store("mem:readmodel-" + UUID.randomUUID());
    }

    /**
     * @param where after {@code jdbc:h2:}, e.g. {@code file:/tmp/readmodel} for a
     * database whose rows are not in this JVM's heap
     */
    public static IssueFactsStore h2Store(String where) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:" + where + ";DB_CLOSE_DELAY=-1");
        return store(dataSource);
    }

    /**
     * A fresh empty database: {@code h2} in memory, or {@code postgres}, a new database
     * in the embedded PostgreSQL server the test JVM starts once.
     */
    public static DataSource fresh(String database) throws Exception {
        return TestDatabases.fresh(database);
    }

    /** The read model's tables made in this (empty) database, and the store over it. */
    public static IssueFactsStore store(DataSource dataSource) {
        migrate(dataSource, "db/changelog/throughline-004-readmodel.yaml");
        migrate(dataSource, "db/changelog/throughline-009-parent-index.yaml");
        migrate(dataSource, "db/changelog/throughline-010-fold-edits.yaml");
        return new JdbcIssueFacts(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    /** Refined programs' ids in a fresh in-memory H2 database. */
    public static ProgramRefinements h2Refinements() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:readmodel-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return refinements(dataSource);
    }

    /** Refined programs' ids in this (empty) database. */
    public static ProgramRefinements refinements(DataSource dataSource) {
        migrate(dataSource, "db/changelog/throughline-005-refinement.yaml");
        migrate(dataSource, "db/changelog/throughline-008-refinement-events.yaml");
        return new JdbcProgramRefinements(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    /**
     * Two instances' property event times over one fresh in-memory H2 database.
     */
    public static List<PropertyEventTimes> h2PropertyEventTimes() {
        JdbcTemplate jdbc = new JdbcTemplate(migrated("db/changelog/throughline-006-property-events.yaml"));
        return List.of(new JdbcPropertyEventTimes(jdbc), new JdbcPropertyEventTimes(jdbc));
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
