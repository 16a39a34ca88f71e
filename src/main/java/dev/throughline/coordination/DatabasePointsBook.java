package dev.throughline.coordination;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * {@link PointsBook} in two tables: {@code throughline_points} (one row per site, hour,
 * feature and kind, summed in place, so instances adding at once never lose points) and
 * {@code throughline_quota} (the latest report per site); and
 * {@code throughline_quota_stop} (the stops quota 429s taught any instance).
 */
@Component
class DatabasePointsBook implements PointsBook {

    private final JdbcTemplate jdbc;

    DatabasePointsBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Collection<Entry> entries) {
        for (Entry entry : entries) {
            if (addTo(entry) == 0) {
                try {
                    jdbc.update(
                            "INSERT INTO throughline_points (site_key, hour_start, feature, user_waiting, points,"
                                    + " calls) VALUES (?, ?, ?, ?, ?, ?)",
                            entry.siteKey(), Timestamp.from(entry.hour()), entry.feature(), entry.user(),
                            entry.points(), entry.calls());
                }
                catch (DuplicateKeyException anotherInstanceFirst) {
                    addTo(entry);
                }
            }
        }
    }

    private int addTo(Entry entry) {
        return jdbc.update(
                "UPDATE throughline_points SET points = points + ?, calls = calls + ?"
                        + " WHERE site_key = ? AND hour_start = ? AND feature = ? AND user_waiting = ?",
                entry.points(), entry.calls(), entry.siteKey(), Timestamp.from(entry.hour()), entry.feature(),
                entry.user());
    }

    @Override
    public List<Entry> hour(String siteKey, Instant hour) {
        return jdbc.query(
                "SELECT feature, user_waiting, points, calls FROM throughline_points"
                        + " WHERE site_key = ? AND hour_start = ? ORDER BY feature, user_waiting",
                (rs, n) -> new Entry(siteKey, hour, rs.getString(1), rs.getBoolean(2), rs.getLong(3), rs.getLong(4)),
                siteKey, Timestamp.from(hour));
    }

    @Override
    public long backgroundPoints(String siteKey, Instant hour) {
        Long sum = jdbc.queryForObject(
                "SELECT COALESCE(SUM(points), 0) FROM throughline_points"
                        + " WHERE site_key = ? AND hour_start = ? AND user_waiting = FALSE",
                Long.class, siteKey, Timestamp.from(hour));
        return sum == null ? 0 : sum;
    }

    @Override
    public int backgroundSites(Instant hour) {
        Integer sites = jdbc.queryForObject("SELECT COUNT(DISTINCT site_key) FROM throughline_points"
                + " WHERE hour_start = ? AND user_waiting = FALSE", Integer.class, Timestamp.from(hour));
        return sites == null ? 0 : sites;
    }

    @Override
    public void reportQuota(String siteKey, Quota quota) {
        Timestamp reset = quota.resetAt().map(Timestamp::from).orElse(null);
        Timestamp reported = Timestamp.from(quota.reportedAt());
        int updated = jdbc.update(
                "UPDATE throughline_quota SET remaining = ?, quota_limit = ?, reset_at = ?, reported_at = ?"
                        + " WHERE site_key = ? AND reported_at <= ?",
                quota.remaining(), quota.limit(), reset, reported, siteKey, reported);
        if (updated == 0 && quota(siteKey).isEmpty()) {
            try {
                jdbc.update(
                        "INSERT INTO throughline_quota (site_key, remaining, quota_limit, reset_at, reported_at)"
                                + " VALUES (?, ?, ?, ?, ?)",
                        siteKey, quota.remaining(), quota.limit(), reset, reported);
            }
            catch (DuplicateKeyException anotherInstanceFirst) {
                // theirs is as good as ours: a report a moment apart
            }
        }
    }

    @Override
    public Optional<Quota> quota(String siteKey) {
        return jdbc
            .query("SELECT remaining, quota_limit, reset_at, reported_at FROM throughline_quota WHERE site_key = ?",
                    (rs, n) -> new Quota(rs.getLong(1), rs.getLong(2),
                            Optional.ofNullable(rs.getTimestamp(3)).map(Timestamp::toInstant),
                            rs.getTimestamp(4).toInstant()),
                    siteKey)
            .stream()
            .findFirst();
    }

    @Override
    public void stop(Stop stop) {
        Timestamp until = Timestamp.from(stop.until());
        if (jdbc.update("UPDATE throughline_quota_stop SET reason = ?, until_at = ? WHERE scope = ? AND until_at < ?",
                stop.reason(), until, stop.scope(), until) > 0 || stopOf(stop.scope(), Instant.EPOCH).isPresent()) {
            return;
        }
        try {
            jdbc.update("INSERT INTO throughline_quota_stop (scope, reason, until_at) VALUES (?, ?, ?)", stop.scope(),
                    stop.reason(), until);
        }
        catch (DataIntegrityViolationException anotherInstanceFirst) {
            // inserted a moment before: keep the later of the two
            jdbc.update("UPDATE throughline_quota_stop SET reason = ?, until_at = ? WHERE scope = ? AND until_at < ?",
                    stop.reason(), until, stop.scope(), until);
        }
    }

    @Override
    public Optional<Stop> stopOf(String scope, Instant now) {
        return jdbc.query("SELECT reason, until_at FROM throughline_quota_stop WHERE scope = ? AND until_at > ?",
                (rs, n) -> new Stop(scope, rs.getString(1), rs.getTimestamp(2).toInstant()), scope, Timestamp.from(now))
            .stream()
            .findFirst();
    }

    @Override
    public int prune(Instant before) {
        Timestamp cut = Timestamp.from(before);
        jdbc.update("DELETE FROM throughline_quota_stop WHERE until_at < ?", cut);
        return jdbc.update("DELETE FROM throughline_points WHERE hour_start < ?", cut);
    }

}
