package dev.throughline.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** GET /rest/api/3/user/bulk: the site's users by accountId (unknown ids are left out, as Jira does). */
final class UserEndpoints {
    private final SandboxSite site;

    UserEndpoints(SandboxSite site) {
        this.site = site;
    }

    void register(JiraRoutes routes) {
        routes.add("GET", "/rest/api/3/user/bulk", this::bulk);
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
