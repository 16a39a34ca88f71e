package dev.throughline.jira;

/** A link to create: {@code outwardIssueKey} [type's outward phrase] {@code inwardIssueKey}. */
public record NewIssueLink(String typeName, String inwardIssueKey, String outwardIssueKey) {

    public NewIssueLink {
        Checks.notBlank("link type name", typeName);
        Checks.issueKey(inwardIssueKey);
        Checks.issueKey(outwardIssueKey);
        if (inwardIssueKey.equals(outwardIssueKey)) {
            throw new IllegalArgumentException("an issue cannot be linked to itself: " + inwardIssueKey);
        }
    }
}
