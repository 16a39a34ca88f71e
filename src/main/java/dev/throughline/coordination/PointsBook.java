package dev.throughline.coordination;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Jira points every instance spent, summed per site, hour, feature and whether a user
 * waited, in the shared database; and the quota Jira last reported for each site.
 */
public interface PointsBook {

    /**
     * Points and calls of one site's hour (its start, UTC) for one feature; {@code user}:
     * made for a user who waited, else background.
     */
    record Entry(String siteKey, Instant hour, String feature, boolean user, long points, long calls) {

        public Entry {
            Objects.requireNonNull(siteKey, "siteKey");
            Objects.requireNonNull(hour, "hour");
            Objects.requireNonNull(feature, "feature");
            if (points < 0 || calls < 0) {
                throw new IllegalArgumentException("points and calls are never negative");
            }
        }

    }

    /** The quota in Jira's last report for a site: -1 where it did not say. */
    record Quota(long remaining, long limit, Optional<Instant> resetAt, Instant reportedAt) {

        public Quota {
            Objects.requireNonNull(reportedAt, "reportedAt");
            resetAt = resetAt == null ? Optional.empty() : resetAt;
        }

    }

    /** Adds each entry's points and calls to what the database holds (any instance). */
    void add(Collection<Entry> entries);

    /** The site's entries of the hour starting at {@code hour}. */
    List<Entry> hour(String siteKey, Instant hour);

    /** Background points spent on the site in the hour starting at {@code hour}. */
    long backgroundPoints(String siteKey, Instant hour);

    /** How many sites spent background points in the hour starting at {@code hour}. */
    int backgroundSites(Instant hour);

    /** Keeps Jira's report if it is newer than the one held. */
    void reportQuota(String siteKey, Quota quota);

    Optional<Quota> quota(String siteKey);

    /**
     * A stop of background calls learnt from a quota 429, for a site or {@code "*"}
     * (every site): kept if it lasts longer than the one held.
     */
    record Stop(String scope, String reason, Instant until) {

        public Stop {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(until, "until");
        }

    }

    void stop(Stop stop);

    /**
     * The stop held for the scope (a site, or {@code "*"}), if it lasts past {@code now}.
     */
    Optional<Stop> stopOf(String scope, Instant now);

    /**
     * Deletes the points of hours that started before {@code before}, and stops that
     * ended before it (any instance may: deleting what is gone already deletes nothing).
     * @return the points rows deleted
     */
    int prune(Instant before);

}
