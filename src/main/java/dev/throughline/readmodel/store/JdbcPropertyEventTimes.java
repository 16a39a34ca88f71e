package dev.throughline.readmodel.store;

import dev.throughline.readmodel.PropertyEventTimes;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * {@link PropertyEventTimes} in the app's database
 * ({@code throughline-006-property-events.yaml}), so an event received by one instance
 * and a late copy received by another are ordered alike. Each step is one statement: the
 * update only moves a time forward, and an insert that meets a row (a later time, or
 * another instance's insert) tries the update once more.
 */
@Component
class JdbcPropertyEventTimes implements PropertyEventTimes {

    private static final String FORWARD = "UPDATE throughline_property_event SET event_at = ?"
            + " WHERE site_key = ? AND issue_id = ? AND property_key = ? AND event_at <= ?";

    private final JdbcTemplate jdbc;

    JdbcPropertyEventTimes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean advance(String siteKey, long issueId, String propertyKey, Instant at) {
        long millis = at.toEpochMilli();
        if (jdbc.update(FORWARD, millis, siteKey, issueId, propertyKey, millis) > 0) {
            return true;
        }
        try {
            jdbc.update("INSERT INTO throughline_property_event (site_key, issue_id, property_key, event_at)"
                    + " VALUES (?, ?, ?, ?)", siteKey, issueId, propertyKey, millis);
            return true;
        }
        catch (DataIntegrityViolationException held) {
            return jdbc.update(FORWARD, millis, siteKey, issueId, propertyKey, millis) > 0;
        }
    }

    @Override
    public Optional<Instant> last(String siteKey, long issueId, String propertyKey) {
        return jdbc
            .queryForList(
                    "SELECT event_at FROM throughline_property_event"
                            + " WHERE site_key = ? AND issue_id = ? AND property_key = ?",
                    Long.class, siteKey, issueId, propertyKey)
            .stream()
            .findFirst()
            .map(Instant::ofEpochMilli);
    }

}
