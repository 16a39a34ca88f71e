package dev.throughline.jira;

import java.util.List;
import java.util.Objects;

/** Move up to 50 issues, in this order, just before or just after an anchor issue. */
public record RankRequest(List<String> issueKeys, Position position, String anchorIssueKey) {

    public static final int MAX_ISSUES = 50;

    public enum Position {

        BEFORE, AFTER

    }

    public RankRequest {
        issueKeys = List.copyOf(Checks.noNulls("issue keys", issueKeys));
        if (issueKeys.isEmpty() || issueKeys.size() > MAX_ISSUES) {
            throw new IllegalArgumentException("rank 1.." + MAX_ISSUES + " issues per call, got " + issueKeys.size());
        }
        issueKeys.forEach(Checks::issueKey);
        if (issueKeys.stream().distinct().count() != issueKeys.size()) {
            throw new IllegalArgumentException("issue keys repeat: " + issueKeys);
        }
        Objects.requireNonNull(position, "position");
        Checks.issueKey(anchorIssueKey);
        if (issueKeys.contains(anchorIssueKey)) {
            throw new IllegalArgumentException("the anchor cannot be ranked relative to itself: " + anchorIssueKey);
        }
    }

    public static RankRequest before(String anchorIssueKey, List<String> issueKeys) {
        return new RankRequest(issueKeys, Position.BEFORE, anchorIssueKey);
    }

    public static RankRequest after(String anchorIssueKey, List<String> issueKeys) {
        return new RankRequest(issueKeys, Position.AFTER, anchorIssueKey);
    }
}
