package dev.throughline.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.jql.JqlMatcher;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * POST /rest/api/3/search/jql (token paging, no total) and POST
 * /rest/api/3/search/approximate-count.
 */
final class SearchEndpoints {

    static final int DEFAULT_MAX_RESULTS = 50;
    static final int MAX_RESULTS_ID_ONLY = 5000;
    static final int MAX_RESULTS_WITH_FIELDS = 100;
    static final int MAX_PROPERTIES = 5;

    private final SandboxSite site;

    /**
     * Every search's JQL, in the order served: a test can tell which question was asked.
     */
    private final List<String> searched = new CopyOnWriteArrayList<>();

    SearchEndpoints(SandboxSite site) {
        this.site = site;
    }

    List<String> searched() {
        return List.copyOf(searched);
    }

    void register(JiraRoutes routes) {
        routes.add("POST", "/rest/api/3/search/jql", this::search);
        routes.add("POST", "/rest/api/3/search/approximate-count", this::count);
    }

    SandboxResponse search(SandboxRequest request) {
        ObjectNode body = JiraJson.parseObject(request.body());
        String jql = body.path("jql").asText("");
        searched.add(jql);
        FieldSelection selection = FieldSelection.of(JiraJson.stringList(body.get("fields")), List.of("id"));
        List<String> properties = JiraJson.stringList(body.get("properties"));
        if (properties != null && properties.size() > MAX_PROPERTIES) {
            throw new SandboxRequest.BadRequest(
                    "A maximum of " + MAX_PROPERTIES + " issue properties can be requested.");
        }
        int cap = selection.onlyIdOrKey() ? MAX_RESULTS_ID_ONLY : MAX_RESULTS_WITH_FIELDS;
        int maxResults = body.hasNonNull("maxResults") ? body.get("maxResults").asInt(DEFAULT_MAX_RESULTS)
                : DEFAULT_MAX_RESULTS;
        maxResults = Math.max(1, Math.min(maxResults, cap));
        int offset = PageToken.decode(body.get("nextPageToken"), jql);

        List<SandboxIssue> matches = JqlMatcher.select(site, jql);
        int end = Math.min(matches.size(), offset + maxResults);
        IssueRenderer renderer = new IssueRenderer(site, request.baseUrl());
        ObjectNode response = JiraJson.object();
        ArrayNode issues = response.putArray("issues");
        for (SandboxIssue issue : matches.subList(Math.min(offset, end), end)) {
            issues.add(renderer.issue(issue, selection, properties));
        }
        boolean last = end >= matches.size();
        if (!last)
            response.put("nextPageToken", PageToken.encode(end, jql));
        response.put("isLast", last);
        return JiraJson.ok(response);
    }

    SandboxResponse count(SandboxRequest request) {
        String jql = JiraJson.parseObject(request.body()).path("jql").asText("");
        return JiraJson.ok(JiraJson.object().put("count", JqlMatcher.select(site, jql).size()));
    }

    /**
     * Opaque to clients; binds the offset to the query so a token cannot be replayed with
     * other JQL.
     */
    static final class PageToken {

        private PageToken() {
        }

        static String encode(int offset, String jql) {
            String raw = "p1:" + offset + ":" + Integer.toHexString(jql.hashCode());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static int decode(JsonNode token, String jql) {
            if (token == null || token.isNull() || token.asText().isEmpty())
                return 0;
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(token.asText()), StandardCharsets.UTF_8)
                    .split(":");
                if (parts.length == 3 && parts[0].equals("p1")
                        && parts[2].equals(Integer.toHexString(jql.hashCode()))) {
                    return Integer.parseInt(parts[1]);
                }
            }
            catch (IllegalArgumentException e) {
                // falls through to the error below
            }
            throw new SandboxRequest.BadRequest("The provided next page token is invalid or expired.");
        }

    }

}
