package dev.throughline.sandbox.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.throughline.sandbox.SandboxSite;

import java.util.List;
import java.util.Locale;

/**
 * GET /rest/api/3/user/bulk: the site's users by accountId (unknown ids are left out, as
 * Jira does), and GET /rest/api/3/user/groups: one user's groups (404 for an account the
 * site does not know).
 */
final class UserEndpoints {

    private final SandboxSite site;

    UserEndpoints(SandboxSite site) {
        this.site = site;
    }

    void register(JiraRoutes routes) {
        routes.add("GET", "/rest/api/3/user/bulk", this::bulk);
        routes.add("GET", "/rest/api/3/user/groups", this::groups);
        routes.add("GET", "/rest/api/3/user/search", this::search);
    }

    /**
     * Users whose display name (or a word of it) starts with the query, as Jira's picker
     * finds them.
     */
    private SandboxResponse search(SandboxRequest r) {
        String query = r.queryParameter("query").orElse("").toLowerCase(Locale.ROOT);
        int limit = r.intParameter("maxResults", 50);
        ArrayNode users = JiraJson.array();
        site.users()
            .stream()
            .filter(user -> !query.isEmpty()
                    && (" " + user.displayName().toLowerCase(Locale.ROOT)).contains(" " + query))
            .limit(limit)
            .forEach(user -> users.addObject()
                .put("accountId", user.accountId())
                .put("accountType", "atlassian")
                .put("active", true)
                .put("displayName", user.displayName())
                .put("self", r.baseUrl() + "/rest/api/3/user?accountId=" + user.accountId()));
        return JiraJson.ok(users);
    }

    private SandboxResponse groups(SandboxRequest r) {
        String accountId = r.queryParameter("accountId")
            .orElseThrow(() -> new SandboxRequest.BadRequest("The accountId query parameter is required."));
        if (site.users().stream().noneMatch(user -> user.accountId().equals(accountId))) {
            return JiraJson.errors(404, "The user with account ID '" + accountId + "' does not exist.");
        }
        ArrayNode groups = JiraJson.array();
        for (String name : site.groupsOf(accountId)) {
            String id = SandboxSite.groupId(name);
            groups.addObject()
                .put("groupId", id)
                .put("name", name)
                .put("self", r.baseUrl() + "/rest/api/3/group?groupId=" + id);
        }
        return JiraJson.ok(groups);
    }

    private SandboxResponse bulk(SandboxRequest r) {
        List<String> ids = r.queryList("accountId");
        if (ids.isEmpty()) {
            throw new SandboxRequest.BadRequest("Specify at least one accountId.");
        }
        ObjectNode response = JiraJson.object();
        ArrayNode values = response.putArray("values");
        site.users().stream().filter(user -> ids.contains(user.accountId())).forEach(user -> {
            ObjectNode node = values.addObject();
            node.put("accountId", user.accountId());
            node.put("accountType", "atlassian");
            node.put("active", true);
            node.put("displayName", user.displayName());
            node.put("self", r.baseUrl() + "/rest/api/3/user?accountId=" + user.accountId());
        });
        response.put("isLast", true);
        response.put("maxResults", r.intParameter("maxResults", 10));
        response.put("startAt", 0);
        response.put("total", values.size());
        return JiraJson.ok(response);
    }

}
