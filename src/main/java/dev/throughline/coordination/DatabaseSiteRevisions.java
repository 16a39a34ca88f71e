package dev.throughline.coordination;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SiteRevisions} as rows of {@code throughline_site_revision} (site, name,
 * revision): a bump is one update (an insert the first time), a site's revisions one
 * query by primary key prefix.
 */
@Component
class DatabaseSiteRevisions implements SiteRevisions {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSiteRevisions.class);

    private final JdbcTemplate jdbc;

    DatabaseSiteRevisions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bump(String siteKey, String name) {
        Objects.requireNonNull(siteKey, "siteKey");
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("A revision's name is 1 to " + MAX_NAME_LENGTH + " characters");
        }
        try {
            if (increment(siteKey, name) == 0) {
                try {
                    jdbc.update("INSERT INTO throughline_site_revision (site_key, name, revision) VALUES (?, ?, 1)",
                            siteKey, name);
                }
                catch (DuplicateKeyException raced) {
                    // another instance inserted it first: ours is one more
                    increment(siteKey, name);
                }
            }
        }
        catch (DataAccessException e) {
            // The change itself is made (in Jira) and this instance dropped its own
            // copy: failing the request now would only invite a repeat. The other
            // instances keep theirs until their bound.
            LOG.warn("Could not bump the revision {} of {} for the other instances: {}", name, siteKey, e.getMessage());
        }
    }

    private int increment(String siteKey, String name) {
        return jdbc.update(
                "UPDATE throughline_site_revision SET revision = revision + 1" + " WHERE site_key = ? AND name = ?",
                siteKey, name);
    }

    @Override
    public Optional<Map<String, Long>> of(String siteKey) {
        try {
            Map<String, Long> revisions = new HashMap<>();
            jdbc.query("SELECT name, revision FROM throughline_site_revision WHERE site_key = ?", rs -> {
                revisions.put(rs.getString(1), rs.getLong(2));
            }, siteKey);
            return Optional.of(revisions);
        }
        catch (DataAccessException e) {
            LOG.warn("Could not read the revisions of {}: {}", siteKey, e.getMessage());
            return Optional.empty();
        }
    }

}
