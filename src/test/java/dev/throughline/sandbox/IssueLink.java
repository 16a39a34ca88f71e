package dev.throughline.sandbox;

import java.util.Objects;

/**
 * A link "source {outward} target", e.g. source blocks target. In Jira's REST shapes the
 * source shows the target as its {@code outwardIssue}, and the target shows the source as
 * its {@code inwardIssue}.
 */
public record IssueLink(long id, LinkType type, long sourceIssueId, long targetIssueId) {
    public IssueLink {
        Objects.requireNonNull(type, "type");
        if (id <= 0)
            throw new IllegalArgumentException("link id must be positive");
        if (sourceIssueId == targetIssueId)
            throw new IllegalArgumentException("an issue cannot link to itself");
    }

    public boolean touches(long issueId) {
        return sourceIssueId == issueId || targetIssueId == issueId;
    }
}
