package dev.throughline.jira;

import java.util.Objects;

/**
 * What an entity property belongs to: an issue, a project, or the app itself (per site).
 */
public record PropertyTarget(Kind kind, String idOrKey) {

    public enum Kind {

        ISSUE, PROJECT, APP

    }

    public PropertyTarget {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.APP) {
            idOrKey = "";
        }
        else {
            Checks.notBlank("issue or project id/key", idOrKey);
        }
    }

    /** An issue by numeric id or key. */
    public static PropertyTarget issue(String issueIdOrKey) {
        if (!Checks.NUMERIC_ID.matcher(issueIdOrKey).matches()) {
            Checks.issueKey(issueIdOrKey);
        }
        return new PropertyTarget(Kind.ISSUE, issueIdOrKey);
    }

    /** A project by numeric id or key. */
    public static PropertyTarget project(String projectIdOrKey) {
        return new PropertyTarget(Kind.PROJECT, projectIdOrKey);
    }

    /** The app's own properties on the site (Connect add-on properties). */
    public static PropertyTarget app() {
        return new PropertyTarget(Kind.APP, "");
    }
}
