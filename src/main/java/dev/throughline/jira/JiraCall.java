package dev.throughline.jira;

import java.util.Objects;
import java.util.Optional;

/**
 * One answered Jira call as the points ledger sees it: who made it, what it cost, what
 * Jira said of the quota, and why it was refused (429) if it was.
 *
 * @param endpoint the method and path with ids and keys left out, e.g.
 * {@code GET /rest/api/3/issue/*}
 */
public record JiraCall(CallFeature feature, boolean userWaiting, boolean write, String endpoint, int status,
        long points, Optional<QuotaReport> quota, Optional<RateLimitReason> refusedFor) {

    public JiraCall {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(endpoint, "endpoint");
        if (points < 0) {
            throw new IllegalArgumentException("points must not be negative: " + points);
        }
        quota = quota == null ? Optional.empty() : quota;
        refusedFor = refusedFor == null ? Optional.empty() : refusedFor;
    }

}
