package dev.throughline.pacing.web;

import dev.throughline.coordination.PointsBook;
import dev.throughline.jira.RateLimits;

import java.util.List;

/**
 * {@code GET /api/settings/points}: the hour (its start, UTC), its points and calls, each
 * feature's points for users and in the background, Jira's last quota report (null when
 * none; -1 where Jira did not say), the stop of background calls in force (null when
 * none), and the site's background budget this hour.
 */
record PointsJson(String hour, long points, long calls, List<Feature> features, Quota quota, Stop quotaStop,
        long backgroundBudget) {

    record Feature(String feature, long userPoints, long backgroundPoints, long calls) {

        Feature plus(Feature other) {
            return new Feature(feature, userPoints + other.userPoints, backgroundPoints + other.backgroundPoints,
                    calls + other.calls);
        }

    }

    record Quota(long remaining, long limit, String resetAt, String reportedAt) {

        static Quota of(PointsBook.Quota quota) {
            return new Quota(quota.remaining(), quota.limit(), quota.resetAt().map(Object::toString).orElse(null),
                    quota.reportedAt().toString());
        }

    }

    record Stop(String reason, String until) {

        static Stop of(RateLimits.QuotaStop stop) {
            return new Stop(stop.reason().headerValue(), stop.until().toString());
        }

    }

}
