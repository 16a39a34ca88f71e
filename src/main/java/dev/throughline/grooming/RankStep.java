package dev.throughline.grooming;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One call of Jira's {@code PUT /rest/agile/1.0/issue/rank}: up to 50 issues, placed in
 * the given order immediately before ({@code rankBeforeIssue}) or after
 * ({@code rankAfterIssue}) one anchor issue.
 */
public record RankStep(List<String> issueKeys, Position position, String anchorKey) {

    /** Jira's limit on issues per rank call. */
    public static final int MAX_ISSUES = 50;

    public enum Position {

        BEFORE, AFTER

    }

    public RankStep {
        issueKeys = List.copyOf(issueKeys);
        Objects.requireNonNull(position, "position");
        if (issueKeys.isEmpty() || issueKeys.size() > MAX_ISSUES) {
            throw new IllegalArgumentException(
                    "a rank call takes 1 to %d issues, not %d".formatted(MAX_ISSUES, issueKeys.size()));
        }
        if (new HashSet<>(issueKeys).size() != issueKeys.size()) {
            throw new IllegalArgumentException("an issue appears twice in one rank call: " + issueKeys);
        }
        if (anchorKey == null || anchorKey.isBlank()) {
            throw new IllegalArgumentException("a rank call needs an anchor issue");
        }
        if (issueKeys.contains(anchorKey)) {
            throw new IllegalArgumentException("the anchor " + anchorKey + " cannot be ranked relative to itself");
        }
    }
}
