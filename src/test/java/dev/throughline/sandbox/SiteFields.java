package dev.throughline.sandbox;

import dev.throughline.sandbox.SandboxField.Schema;

import java.util.List;

/**
 * The field catalogue of every sandbox site, decoys included so clients must look up by
 * schema, not by id.
 */
public final class SiteFields {

    public static final String STORY_POINTS = "customfield_10028";

    public static final String OLD_STORY_POINTS = "customfield_10016";

    public static final String RANK = "customfield_10019";

    public static final String SPRINT = "customfield_10020";

    public static final String EPIC_LINK = "customfield_10014";

    static final List<SandboxField> ALL = List.of(
            SandboxField.system("summary", "Summary", Schema.system("string", "summary"), true, "summary"),
            SandboxField.system("issuetype", "Issue Type", Schema.system("issuetype", "issuetype"), true, "issuetype",
                    "type"),
            SandboxField.system("status", "Status", Schema.system("status", "status"), true, "status"),
            SandboxField.system("project", "Project", Schema.system("project", "project"), false, "project"),
            SandboxField.system("parent", "Parent", Schema.system("any", "parent"), false, "parent"),
            SandboxField.system("created", "Created", Schema.system("datetime", "created"), true, "created",
                    "createdDate"),
            SandboxField.system("updated", "Updated", Schema.system("datetime", "updated"), true, "updated",
                    "updatedDate"),
            SandboxField.system("resolutiondate", "Resolved", Schema.system("datetime", "resolutiondate"), true,
                    "resolutiondate", "resolved"),
            SandboxField.system("duedate", "Due date", Schema.system("date", "duedate"), true, "due", "duedate"),
            SandboxField.system("fixVersions", "Fix versions", Schema.systemArray("version", "fixVersions"), true,
                    "fixVersion"),
            SandboxField.system("timeoriginalestimate", "Original estimate",
                    Schema.system("number", "timeoriginalestimate"), true, "originalEstimate", "timeoriginalestimate"),
            SandboxField.system("issuelinks", "Linked Issues", Schema.systemArray("issuelinks", "issuelinks"), true,
                    "issueLink"),
            SandboxField.custom(STORY_POINTS, "Story point estimate",
                    Schema.custom("number", null, "com.pyxis.greenhopper.jira:jsw-story-points", 10028)),
            SandboxField.custom(OLD_STORY_POINTS, "Story Points (old)",
                    Schema.custom("number", null, "com.atlassian.jira.plugin.system.customfieldtypes:float", 10016)),
            SandboxField.custom(RANK, "Rank",
                    Schema.custom("any", null, "com.pyxis.greenhopper.jira:gh-lexo-rank", 10019)),
            SandboxField.custom(SPRINT, "Sprint",
                    Schema.custom("array", "json", "com.pyxis.greenhopper.jira:gh-sprint", 10020)),
            SandboxField.custom(EPIC_LINK, "Epic Link",
                    Schema.custom("any", null, "com.pyxis.greenhopper.jira:gh-epic-link", 10014)));

    private SiteFields() {
    }

}
