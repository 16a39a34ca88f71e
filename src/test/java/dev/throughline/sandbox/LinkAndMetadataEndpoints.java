package dev.throughline.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Issue links and link types, the field catalogue and the project search. POST issueLink follows Jira's
 * (surprising) convention: the {@code inwardIssue} of the request becomes the link's source, so
 * {@code {type: Blocks, inwardIssue: A, outwardIssue: B}} means "A blocks B".
 */
final class LinkAndMetadataEndpoints {
    private final SandboxSite site;

    LinkAndMetadataEndpoints(SandboxSite site) {
        this.site = site;
    }

    void register(JiraRoutes routes) {
        routes.add("GET", "/rest/api/3/issueLinkType", this::linkTypes);
        routes.add("POST", "/rest/api/3/issueLink", this::createLink);
        routes.add("GET", "/rest/api/3/issueLink/{linkId}", this::getLink);
        routes.add("DELETE", "/rest/api/3/issueLink/{linkId}", this::deleteLink);
        routes.add("GET", "/rest/api/3/field", this::fields);
        routes.add("GET", "/rest/api/3/project/search", this::projects);
    }

    private SandboxResponse linkTypes(SandboxRequest r) {
        IssueRenderer renderer = new IssueRenderer(site, r.baseUrl());
        ObjectNode body = JiraJson.object();
        ArrayNode types = body.putArray("issueLinkTypes");
        site.linkTypes().forEach(t -> types.add(renderer.linkType(t)));
        return JiraJson.ok(body);
    }

    private SandboxResponse createLink(SandboxRequest r) {
        ObjectNode body = JiraJson.parseObject(r.body());
        JsonNode typeNode = body.path("type");
        String typeRef = typeNode.hasNonNull("id") ? typeNode.get("id").asText() : typeNode.path("name").asText("");
        Optional<LinkType> type = site.linkType(typeRef);
        if (type.isEmpty()) return JiraJson.errors(404, "No issue link type with name '" + typeRef + "' found.");
        Optional<SandboxIssue> source = issueRef(body.path("inwardIssue"));
        Optional<SandboxIssue> target = issueRef(body.path("outwardIssue"));
        if (source.isEmpty() || target.isEmpty()) return JiraJson.errors(404, "Issue Does Not Exist");
        if (source.get().id() == target.get().id()) return JiraJson.errors(400, "You cannot link an issue to itself.");
        // Jira ignores a duplicate link instead of creating a second one
        Optional<IssueLink> existing = site.linksOf(source.get().id()).stream()
                .filter(l -> l.type().equals(type.get()) && l.sourceIssueId() == source.get().id()
                        && l.targetIssueId() == target.get().id())
                .findFirst();
        IssueLink link = existing.orElseGet(() -> site.addLink(type.get(), source.get().id(), target.get().id()));
        return SandboxResponse.empty(201).withHeader("Location", r.baseUrl() + "/rest/api/3/issueLink/" + link.id());
    }

    private SandboxResponse getLink(SandboxRequest r) {
        Optional<IssueLink> link = linkRef(r);
        if (link.isEmpty()) return JiraJson.errors(404, "No issue link with id '" + r.pathVariable("linkId") + "' exists.");
        IssueRenderer renderer = new IssueRenderer(site, r.baseUrl());
        ObjectNode body = JiraJson.object()
                .put("id", String.valueOf(link.get().id()))
                .put("self", r.baseUrl() + "/rest/api/3/issueLink/" + link.get().id());
        body.set("type", renderer.linkType(link.get().type()));
        body.set("inwardIssue", renderer.linkedIssue(site.issueById(link.get().sourceIssueId()).orElseThrow()));
        body.set("outwardIssue", renderer.linkedIssue(site.issueById(link.get().targetIssueId()).orElseThrow()));
        return JiraJson.ok(body);
    }

    private SandboxResponse deleteLink(SandboxRequest r) {
        Optional<IssueLink> link = linkRef(r);
        if (link.isEmpty() || !site.removeLink(link.get().id())) {
            return JiraJson.errors(404, "No issue link with id '" + r.pathVariable("linkId") + "' exists.");
        }
        return SandboxResponse.empty(204);
    }

    private Optional<IssueLink> linkRef(SandboxRequest r) {
        try {
            return site.link(Long.parseLong(r.pathVariable("linkId")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<SandboxIssue> issueRef(JsonNode ref) {
        if (ref.hasNonNull("key")) return site.issue(ref.get("key").asText());
        if (ref.hasNonNull("id")) return site.issue(ref.get("id").asText());
        return Optional.empty();
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
            if (f.schema().items() != null) schema.put("items", f.schema().items());
            if (f.schema().system() != null) schema.put("system", f.schema().system());
            if (f.schema().custom() != null) schema.put("custom", f.schema().custom()).put("customId", f.schema().customId());
        }
        return JiraJson.ok(array);
    }

    /** startAt/maxResults paging with total and isLast; "keys" and "query" filters. */
    private SandboxResponse projects(SandboxRequest r) {
        int startAt = Math.max(0, r.intParameter("startAt", 0));
        int maxResults = Math.max(1, Math.min(100, r.intParameter("maxResults", 50)));
        List<String> keys = r.queryList("keys");
        String query = r.queryParameter("query").orElse("").toLowerCase(Locale.ROOT);
        List<SandboxProject> matching = site.projects().stream()
                .filter(p -> keys.isEmpty() || keys.stream().anyMatch(k -> k.equalsIgnoreCase(p.key()) || k.equals(String.valueOf(p.id()))))
                .filter(p -> query.isEmpty() || p.key().toLowerCase(Locale.ROOT).contains(query) || p.name().toLowerCase(Locale.ROOT).contains(query))
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
            body.put("nextPage", r.baseUrl() + "/rest/api/3/project/search?startAt=" + end + "&maxResults=" + maxResults);
        }
        ArrayNode values = body.putArray("values");
        boolean insight = r.queryList("expand").contains("insight");
        for (SandboxProject p : matching.subList(Math.min(startAt, end), end)) {
            ObjectNode project = renderer.projectRef(p).put("style", "classic").put("isPrivate", false);
            if (insight) {
                // expand=insight: the project's issue count and its last issue update, as Jira reports them
                List<SandboxIssue> issues = site.issues().stream().filter(i -> i.projectId() == p.id()).toList();
                ObjectNode details = project.putObject("insight").put("totalIssueCount", issues.size());
                issues.stream().mapToLong(SandboxIssue::updatedEpochSecond).max().ifPresent(last ->
                        details.put("lastIssueUpdateTime", JiraJson.dateTime(Instant.ofEpochSecond(last))));
            }
            values.add(project);
        }
        return JiraJson.ok(body);
    }
}
