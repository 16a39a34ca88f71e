package dev.throughline.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.throughline.sandbox.SandboxSite;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * POST /rest/api/3/permissions/check honouring the site's grants. Without an accountId
 * the caller is the app itself, which the sandbox treats as the all-powerful
 * {@link SandboxSite#ADMIN}. Unknown project and issue ids are simply not granted;
 * permissions without any grant are left out of the answer.
 */
final class PermissionEndpoints {

    private final SandboxSite site;

    PermissionEndpoints(SandboxSite site) {
        this.site = site;
    }

    void register(JiraRoutes routes) {
        routes.add("POST", "/rest/api/3/permissions/check", this::check);
    }

    private SandboxResponse check(SandboxRequest r) {
        ObjectNode body = JiraJson.parseObject(r.body());
        String accountId = body.hasNonNull("accountId") ? body.get("accountId").asText() : SandboxSite.ADMIN;
        ObjectNode response = JiraJson.object();
        ArrayNode global = response.putArray("globalPermissions");
        for (JsonNode p : body.path("globalPermissions")) {
            if (!SandboxSite.isGlobalPermission(p.asText())) {
                throw new SandboxRequest.BadRequest("Unrecognized global permission: " + p.asText());
            }
            if (site.hasGlobalPermission(accountId, p.asText()))
                global.add(p.asText());
        }
        Map<String, Set<Long>[]> grants = new LinkedHashMap<>();
        for (JsonNode request : body.path("projectPermissions")) {
            if (!request.path("permissions").isArray() || request.path("permissions").isEmpty()) {
                throw new SandboxRequest.BadRequest("At least one project permission must be given.");
            }
            for (JsonNode p : request.path("permissions")) {
                String permission = p.asText();
                if (!SandboxSite.isProjectPermission(permission)) {
                    throw new SandboxRequest.BadRequest("Unrecognized project permission: " + permission);
                }
                @SuppressWarnings("unchecked")
                Set<Long>[] granted = grants.computeIfAbsent(permission,
                        k -> new Set[] { new LinkedHashSet<>(), new LinkedHashSet<>() });
                for (JsonNode project : request.path("projects")) {
                    long projectId = project.asLong();
                    if (site.projects().stream().anyMatch(pr -> pr.id() == projectId)
                            && site.hasProjectPermission(accountId, projectId, permission)) {
                        granted[0].add(projectId);
                    }
                }
                for (JsonNode issueRef : request.path("issues")) {
                    site.issueById(issueRef.asLong())
                        .filter(i -> site.hasProjectPermission(accountId, i.projectId(), permission))
                        .ifPresent(i -> granted[1].add(i.id()));
                }
            }
        }
        ArrayNode projectGrants = response.putArray("projectPermissions");
        grants.forEach((permission, granted) -> {
            if (granted[0].isEmpty() && granted[1].isEmpty())
                return;
            ObjectNode grant = projectGrants.addObject().put("permission", permission);
            ArrayNode projects = grant.putArray("projects");
            granted[0].forEach(projects::add);
            ArrayNode issues = grant.putArray("issues");
            granted[1].forEach(issues::add);
        });
        return JiraJson.ok(response);
    }

}
