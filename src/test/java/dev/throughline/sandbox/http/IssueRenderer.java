package dev.throughline.sandbox.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.throughline.sandbox.IssueLink;
import dev.throughline.sandbox.IssueOptions;
import dev.throughline.sandbox.IssueOptions.Option;
import dev.throughline.sandbox.IssueStatus;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.LinkType;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxProject;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.SandboxVersion;
import dev.throughline.sandbox.SiteFields;

import java.util.List;
import java.util.Optional;

/** Renders issues in Jira Cloud's REST shapes, only the selected fields. */
final class IssueRenderer {

    private final SandboxSite site;

    private final String baseUrl;

    IssueRenderer(SandboxSite site, String baseUrl) {
        this.site = site;
        this.baseUrl = baseUrl;
    }

    ObjectNode issue(SandboxIssue issue, FieldSelection selection, List<String> properties) {
        ObjectNode node = JiraJson.object();
        node.put("id", String.valueOf(issue.id()));
        if (selection.includesKey()) {
            node.put("key", issue.key());
            node.put("self", issueSelf(issue));
        }
        if (!selection.fields().isEmpty()) {
            ObjectNode fields = node.putObject("fields");
            for (String field : selection.fields())
                putField(fields, field, issue);
        }
        if (properties != null && !properties.isEmpty()) {
            ObjectNode props = node.putObject("properties");
            for (String key : properties) {
                site.issueProperty(issue.id(), key).ifPresent(v -> props.set(key, JiraJson.tree(v)));
            }
        }
        return node;
    }

    private void putField(ObjectNode fields, String field, SandboxIssue issue) {
        switch (field) {
            case "summary" -> fields.put("summary", issue.summary());
            case "issuetype" -> fields.set("issuetype", issueType(issue.type()));
            case "status" -> fields.set("status", status(issue.status()));
            case "project" -> fields.set("project", projectRef(site.projectById(issue.projectId())));
            case "parent" -> site.issueById(issue.parentId()).ifPresent(p -> fields.set("parent", linkedIssue(p)));
            case "created" -> fields.put("created", JiraJson.dateTime(issue.created()));
            case "updated" -> fields.put("updated", JiraJson.dateTime(issue.updated()));
            case "resolutiondate" ->
                fields.put("resolutiondate", issue.resolved() == null ? null : JiraJson.dateTime(issue.resolved()));
            case "duedate" -> fields.put("duedate", issue.dueDate() == null ? null : issue.dueDate().toString());
            case "fixVersions" -> {
                ArrayNode versions = fields.putArray("fixVersions");
                site.version(issue.fixVersionId()).ifPresent(v -> versions.add(version(v)));
            }
            case "timeoriginalestimate" -> {
                if (issue.originalEstimateSeconds() == 0)
                    fields.putNull("timeoriginalestimate");
                else
                    fields.put("timeoriginalestimate", issue.originalEstimateSeconds());
            }
            case "issuelinks" -> fields.set("issuelinks", links(issue));
            case "priority" -> fields.set("priority", option("priority", IssueOptions.priority(issue)));
            case "resolution" ->
                fields.set("resolution", IssueOptions.resolution(issue).map(r -> option("resolution", r)).orElse(null));
            case "labels" -> IssueOptions.labels(issue).forEach(fields.putArray("labels")::add);
            case "components" -> {
                ArrayNode components = fields.putArray("components");
                IssueOptions.components(issue).forEach(c -> components.add(option("component", c)));
            }
            case SiteFields.STORY_POINTS -> {
                if (issue.storyPointEstimate().isPresent())
                    fields.put(field, issue.storyPoints());
                else
                    fields.putNull(field);
            }
            case SiteFields.RANK -> fields.put(field, site.rankValue(issue.id()));
            default -> fields.putNull(field); // decoys and sprint: present but empty
        }
    }

    ObjectNode issueType(IssueType type) {
        return JiraJson.object()
            .put("self", baseUrl + "/rest/api/3/issuetype/" + type.id())
            .put("id", type.id())
            .put("description", "")
            .put("iconUrl", baseUrl + "/images/icons/issuetypes/" + type.name().toLowerCase() + ".svg")
            .put("name", type.displayName())
            .put("subtask", type.subtask())
            .put("hierarchyLevel", type.hierarchyLevel());
    }

    /** A priority, resolution or component as Jira renders it: self, id, name. */
    private ObjectNode option(String resource, Option option) {
        return JiraJson.object()
            .put("self", baseUrl + "/rest/api/3/" + resource + "/" + option.id())
            .put("id", option.id())
            .put("name", option.name());
    }

    ObjectNode status(IssueStatus status) {
        IssueStatus.StatusCategory c = status.category();
        ObjectNode node = JiraJson.object()
            .put("self", baseUrl + "/rest/api/3/status/" + status.id())
            .put("description", "")
            .put("iconUrl", baseUrl + "/")
            .put("name", status.displayName())
            .put("id", status.id());
        node.putObject("statusCategory")
            .put("self", baseUrl + "/rest/api/3/statuscategory/" + c.id())
            .put("id", c.id())
            .put("key", c.key())
            .put("colorName", c.colorName())
            .put("name", c.displayName());
        return node;
    }

    ObjectNode projectRef(SandboxProject project) {
        return JiraJson.object()
            .put("self", baseUrl + "/rest/api/3/project/" + project.id())
            .put("id", String.valueOf(project.id()))
            .put("key", project.key())
            .put("name", project.name())
            .put("projectTypeKey", "software")
            .put("simplified", false);
    }

    /** The compact form Jira uses for parent and linked issues. */
    ObjectNode linkedIssue(SandboxIssue issue) {
        ObjectNode node = JiraJson.object()
            .put("id", String.valueOf(issue.id()))
            .put("key", issue.key())
            .put("self", issueSelf(issue));
        ObjectNode fields = node.putObject("fields");
        fields.put("summary", issue.summary());
        fields.set("status", status(issue.status()));
        fields.set("issuetype", issueType(issue.type()));
        return node;
    }

    ObjectNode version(SandboxVersion v) {
        return JiraJson.object()
            .put("self", baseUrl + "/rest/api/3/version/" + v.id())
            .put("id", String.valueOf(v.id()))
            .put("name", v.name())
            .put("archived", false)
            .put("released", v.released())
            .put("releaseDate", v.releaseDate().toString());
    }

    ObjectNode linkType(LinkType type) {
        return JiraJson.object()
            .put("id", type.id())
            .put("name", type.name())
            .put("inward", type.inward())
            .put("outward", type.outward())
            .put("self", baseUrl + "/rest/api/3/issueLinkType/" + type.id());
    }

    /**
     * The issue's links from its own point of view: outwardIssue when it is the source,
     * inwardIssue otherwise.
     */
    ArrayNode links(SandboxIssue issue) {
        ArrayNode array = JiraJson.array();
        for (IssueLink link : site.linksOf(issue.id())) {
            boolean source = link.sourceIssueId() == issue.id();
            Optional<SandboxIssue> other = site.issueById(source ? link.targetIssueId() : link.sourceIssueId());
            if (other.isEmpty())
                continue;
            ObjectNode node = array.addObject()
                .put("id", String.valueOf(link.id()))
                .put("self", baseUrl + "/rest/api/3/issueLink/" + link.id());
            node.set("type", linkType(link.type()));
            node.set(source ? "outwardIssue" : "inwardIssue", linkedIssue(other.get()));
        }
        return array;
    }

    String issueSelf(SandboxIssue issue) {
        return baseUrl + "/rest/api/3/issue/" + issue.id();
    }

}
