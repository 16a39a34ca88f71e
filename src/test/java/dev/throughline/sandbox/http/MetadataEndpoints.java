package dev.throughline.sandbox.http;

import java.time.Instant;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.throughline.sandbox.SandboxField;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxProject;
import dev.throughline.sandbox.SandboxSite;

import java.util.List;
import java.util.Locale;

/**
 * The field catalogue and the project search. Links are seeded by the generator and read
 * through the issues' {@code issuelinks} field; the app neither creates nor deletes them,
 * so no link endpoint is served.
 */
final class MetadataEndpoints {

    private final SandboxSite site;

    MetadataEndpoints(SandboxSite site) {
        this.site = site;
    }

    void register(JiraRoutes routes) {
        routes.add("GET", "/rest/api/3/field", this::fields);
        routes.add("GET", "/rest/api/3/project/search", this::projects);
    }

    private SandboxResponse fields(SandboxRequest r) {
        ArrayNode array = JiraJson.array();
        for (SandboxField f : site.fields()) {
            ObjectNode node = array.addObject()
                .put("id", f.id())
                .put("key", f.id())
                .put("name", f.name())
                .put("custom", f.custom())
                .put("orderable", f.orderable())
                .put("navigable", f.navigable())
                .put("searchable", f.searchable());
            ArrayNode clauses = node.putArray("clauseNames");
            f.clauseNames().forEach(clauses::add);
            ObjectNode schema = node.putObject("schema").put("type", f.schema().type());
            if (f.schema().items() != null)
                schema.put("items", f.schema().items());
            if (f.schema().system() != null)
                schema.put("system", f.schema().system());
            if (f.schema().custom() != null)
                schema.put("custom", f.schema().custom()).put("customId", f.schema().customId());
        }
        return JiraJson.ok(array);
    }

    /** startAt/maxResults paging with total and isLast; "keys" and "query" filters. */
    private SandboxResponse projects(SandboxRequest r) {
        int startAt = Math.max(0, r.intParameter("startAt", 0));
        int maxResults = Math.max(1, Math.min(100, r.intParameter("maxResults", 50)));
        List<String> keys = r.queryList("keys");
        String query = r.queryParameter("query").orElse("").toLowerCase(Locale.ROOT);
        List<SandboxProject> matching = site.projects()
            .stream()
            .filter(p -> keys.isEmpty()
                    || keys.stream().anyMatch(k -> k.equalsIgnoreCase(p.key()) || k.equals(String.valueOf(p.id()))))
            .filter(p -> query.isEmpty() || p.key().toLowerCase(Locale.ROOT).contains(query)
                    || p.name().toLowerCase(Locale.ROOT).contains(query))
            .toList();
        int end = Math.min(matching.size(), startAt + maxResults);
        IssueRenderer renderer = new IssueRenderer(site, r.baseUrl());
        ObjectNode body = JiraJson.object()
            .put("self", r.baseUrl() + "/rest/api/3/project/search?startAt=" + startAt + "&maxResults=" + maxResults)
            .put("maxResults", maxResults)
            .put("startAt", startAt)
            .put("total", matching.size())
            .put("isLast", end >= matching.size());
        if (end < matching.size()) {
            body.put("nextPage",
                    r.baseUrl() + "/rest/api/3/project/search?startAt=" + end + "&maxResults=" + maxResults);
        }
        ArrayNode values = body.putArray("values");
        boolean insight = r.queryList("expand").contains("insight");
        for (SandboxProject p : matching.subList(Math.min(startAt, end), end)) {
            ObjectNode project = renderer.projectRef(p).put("style", "classic").put("isPrivate", false);
            if (insight) {
                // expand=insight: the project's issue count and its last issue update, as
                // Jira reports them
                List<SandboxIssue> issues = site.issues().stream().filter(i -> i.projectId() == p.id()).toList();
                ObjectNode details = project.putObject("insight").put("totalIssueCount", issues.size());
                issues.stream()
                    .mapToLong(SandboxIssue::updatedEpochSecond)
                    .max()
                    .ifPresent(
                            last -> details.put("lastIssueUpdateTime", JiraJson.dateTime(Instant.ofEpochSecond(last))));
            }
            values.add(project);
        }
        return JiraJson.ok(body);
    }

}
