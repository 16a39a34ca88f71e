package dev.throughline.support;

import dev.throughline.sandbox.IssueOptions;
import dev.throughline.sandbox.IssueStatus;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxProject;
import dev.throughline.sandbox.SandboxSite;

import java.util.stream.Collectors;

/**
 * The {@code "issue"} member of an issue event (Connect webhook or Forge trigger) as Jira
 * sends it for a sandbox issue: its id, key and the fields the read model's facts need
 * (project, status with its category, issue type, created), so the event is applied
 * without a Jira call, and the fields a refinement may name (priority, resolution,
 * labels, components).
 */
public final class IssueEventJson {

    private IssueEventJson() {
    }

    public static String issueMember(SandboxSite site, SandboxIssue issue) {
        SandboxProject project = site.project(issue.projectKey()).orElseThrow();
        IssueStatus status = issue.status();
        IssueStatus.StatusCategory category = status.category();
        return "\"issue\":{\"id\":\"" + issue.id() + "\",\"key\":\"" + issue.key() + "\",\"fields\":{"
                + "\"project\":{\"id\":\"" + project.id() + "\",\"key\":\"" + project.key() + "\",\"name\":\""
                + project.name() + "\"},\"status\":{\"id\":\"" + status.id() + "\",\"name\":\"" + status.displayName()
                + "\",\"statusCategory\":{\"id\":" + category.id() + ",\"key\":\"" + category.key() + "\",\"name\":\""
                + category.displayName() + "\"}},\"issuetype\":{\"id\":\"" + issue.type().id() + "\",\"name\":\""
                + issue.type().displayName() + "\",\"subtask\":" + issue.type().subtask() + "},\"created\":\""
                + issue.created().toString().replace("Z", ".000+0000") + "\"," + options(issue) + "}}";
    }

    /** Priority, resolution (null when unresolved), labels and components. */
    private static String options(SandboxIssue issue) {
        String components = IssueOptions.components(issue)
            .stream()
            .map(IssueEventJson::option)
            .collect(Collectors.joining(",", "[", "]"));
        String labels = IssueOptions.labels(issue)
            .stream()
            .map(l -> '"' + l + '"')
            .collect(Collectors.joining(",", "[", "]"));
        return "\"priority\":" + option(IssueOptions.priority(issue)) + ",\"resolution\":"
                + IssueOptions.resolution(issue).map(IssueEventJson::option).orElse("null") + ",\"labels\":" + labels
                + ",\"components\":" + components;
    }

    private static String option(IssueOptions.Option option) {
        return "{\"id\":\"" + option.id() + "\",\"name\":\"" + option.name() + "\"}";
    }

}
