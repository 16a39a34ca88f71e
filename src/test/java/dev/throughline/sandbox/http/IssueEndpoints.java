package dev.throughline.sandbox.http;

import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import java.util.List;
import java.util.Optional;

/**
 * GET /rest/api/3/issue/{issueIdOrKey}: all fields by default (unlike search), "fields"
 * and "properties" lists.
 */
final class IssueEndpoints {

    private final SandboxSite site;

    IssueEndpoints(SandboxSite site) {
        this.site = site;
    }

    void register(JiraRoutes routes) {
        routes.add("GET", "/rest/api/3/issue/{issueIdOrKey}", this::issue);
    }

    private SandboxResponse issue(SandboxRequest r) {
        Optional<SandboxIssue> issue = site.issue(r.pathVariable("issueIdOrKey"));
        if (issue.isEmpty())
            return JiraJson.errors(404, "Issue does not exist or you do not have permission to see it.");
        List<String> fields = r.queryList("fields");
        FieldSelection selection = FieldSelection.of(fields.isEmpty() ? null : fields, List.of("*all"));
        return JiraJson
            .ok(new IssueRenderer(site, r.baseUrl()).issue(issue.get(), selection, r.queryList("properties")));
    }

}
