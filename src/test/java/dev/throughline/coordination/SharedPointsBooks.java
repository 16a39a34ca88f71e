package dev.throughline.coordination;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * For tests outside this package: one in-memory database, and as many instances' points
 * books on it as a test needs (each is what one app instance would use).
 */
public final class SharedPointsBooks {

    private final DataSource db = CoordinationDatabase.h2();

    /** The book of one more instance on the same database. */
    public PointsBook instance() {
        return new DatabasePointsBook(new JdbcTemplate(db));
    }

}
