package dev.throughline.coordination;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * For tests outside this package: one in-memory database, and as many instances' site
 * revisions on it as a test needs (each is what one app instance would use).
 */
public final class SharedSiteRevisions {

    private final DataSource db = CoordinationDatabase.h2();

    /** The revisions of one more instance on the same database. */
    public SiteRevisions instance() {
        return new DatabaseSiteRevisions(new JdbcTemplate(db));
    }

}
