package dev.throughline.jira;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an issue's {@code issuelinks} field, seen from that issue: exactly one of
 * the inward and outward issue is set (the other end is the issue holding the field).
 */
public record IssueLinkRef(String linkId, String typeName, Optional<String> inwardIssueKey,
        Optional<String> outwardIssueKey) {

    public IssueLinkRef {
        Checks.numericId("link id", linkId);
        Checks.notBlank("link type name", typeName);
        Objects.requireNonNull(inwardIssueKey, "inwardIssueKey").ifPresent(Checks::issueKey);
        Objects.requireNonNull(outwardIssueKey, "outwardIssueKey").ifPresent(Checks::issueKey);
        if (inwardIssueKey.isPresent() == outwardIssueKey.isPresent()) {
            throw new IllegalArgumentException("exactly one of inward and outward issue must be set");
        }
    }
}
