package dev.throughline.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.throughline.sandbox.PropertyStore;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxProject;
import dev.throughline.sandbox.SandboxSite;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Issue, project and app entity properties, plus the asynchronous bulk set on issues. The
 * bulk set is applied at once (non-transactionally, like Jira): its task reports
 * COMPLETE, or FAILED when any issue id is unknown, with the known issues still written.
 */
final class PropertyEndpoints {

    private static final String ISSUE = "/rest/api/3/issue/{issueIdOrKey}/properties";

    private static final String PROJECT = "/rest/api/3/project/{projectIdOrKey}/properties";

    private static final String APP = "/rest/atlassian-connect/1/addons/{addonKey}/properties";

    /**
     * The Forge app's own properties (one app per sandbox site, as one installation per
     * site).
     */
    private static final String FORGE_APP = "/rest/forge/1/app/properties";

    /**
     * The owner the Forge app's properties are kept under in the site's app property
     * store.
     */
    static final String FORGE_APP_OWNER = "forge-app";

    private final SandboxSite site;

    private final Map<String, ObjectNode> tasks = new LinkedHashMap<>();

    private long nextTaskId = 10000;

    PropertyEndpoints(SandboxSite site) {
        this.site = site;
    }

    void register(JiraRoutes routes) {
        routes.add("POST", "/rest/api/3/issue/properties/multi", this::setMulti);
        routes.add("GET", "/rest/api/3/task/{taskId}", this::task);
        routes.add("GET", ISSUE + "/{propertyKey}", r -> get(r, issueStore(r)));
        routes.add("PUT", ISSUE + "/{propertyKey}", r -> put(r, issueStore(r)));
        routes.add("DELETE", ISSUE + "/{propertyKey}", r -> delete(r, issueStore(r)));
        routes.add("GET", PROJECT + "/{propertyKey}", r -> get(r, projectStore(r)));
        routes.add("PUT", PROJECT + "/{propertyKey}", r -> put(r, projectStore(r)));
        routes.add("DELETE", PROJECT + "/{propertyKey}", r -> delete(r, projectStore(r)));
        routes.add("GET", APP + "/{propertyKey}", r -> appGet(r, r.pathVariable("addonKey")));
        routes.add("PUT", APP + "/{propertyKey}", r -> appPut(r, r.pathVariable("addonKey")));
        routes.add("DELETE", APP + "/{propertyKey}", r -> appDelete(r, r.pathVariable("addonKey")));
        routes.add("GET", FORGE_APP + "/{propertyKey}", r -> appGet(r, FORGE_APP_OWNER));
        routes.add("PUT", FORGE_APP + "/{propertyKey}", r -> appPut(r, FORGE_APP_OWNER));
        routes.add("DELETE", FORGE_APP + "/{propertyKey}", r -> appDelete(r, FORGE_APP_OWNER));
    }

    /**
     * An entity's property store with the entity id resolved, or the 404 Jira gives for a
     * missing entity.
     */
    private record Entity(PropertyStore store, String id, SandboxResponse notFound) {
    }

    private Entity issueStore(SandboxRequest r) {
        Optional<SandboxIssue> issue = site.issue(r.pathVariable("issueIdOrKey"));
        return new Entity(site.issueProperties(), issue.map(i -> String.valueOf(i.id())).orElse(null),
                JiraJson.errors(404, "Issue does not exist or you do not have permission to see it."));
    }

    private Entity projectStore(SandboxRequest r) {
        Optional<SandboxProject> project = site.project(r.pathVariable("projectIdOrKey"));
        return new Entity(site.projectProperties(), project.map(p -> String.valueOf(p.id())).orElse(null),
                JiraJson.errors(404, "No project could be found with key '" + r.pathVariable("projectIdOrKey") + "'."));
    }

    private SandboxResponse get(SandboxRequest r, Entity entity) {
        if (entity.id() == null)
            return entity.notFound();
        String key = r.pathVariable("propertyKey");
        return entity.store()
            .get(entity.id(), key)
            .map(v -> JiraJson.ok(property(key, v)))
            .orElseGet(() -> JiraJson.errors(404, "The property with key '" + key + "' does not exist."));
    }

    private SandboxResponse put(SandboxRequest r, Entity entity) {
        if (entity.id() == null)
            return entity.notFound();
        String key = validKey(r.pathVariable("propertyKey"), 255);
        boolean created = entity.store().put(entity.id(), key, JiraJson.propertyValue(r.body()));
        // Jira documents a JSON body for both answers; it sends an empty object.
        return SandboxResponse.json(created ? 201 : 200, "{}");
    }

    private SandboxResponse delete(SandboxRequest r, Entity entity) {
        if (entity.id() == null)
            return entity.notFound();
        String key = r.pathVariable("propertyKey");
        return entity.store().delete(entity.id(), key) ? SandboxResponse.empty(204)
                : JiraJson.errors(404, "The property with key '" + key + "' does not exist.");
    }

    // ---- app properties: OperationMessage errors, as the Connect spec has them
    // --------------------------------

    private SandboxResponse appGet(SandboxRequest r, String addon) {
        String key = r.pathVariable("propertyKey");
        if (key.length() > 127)
            return JiraJson.operationMessage(400, "The property key cannot be longer than 127 characters.");
        return site.appProperties()
            .get(addon, key)
            .map(v -> JiraJson.ok(property(key, v))) // the spec's EntityProperty has no
                                                     // "self"
            .orElseGet(() -> JiraJson.operationMessage(404, "Property with key not found."));
    }

    private SandboxResponse appPut(SandboxRequest r, String addon) {
        String key = r.pathVariable("propertyKey");
        if (key.length() > 127)
            return JiraJson.operationMessage(400, "The property key cannot be longer than 127 characters.");
        Object value;
        try {
            value = JiraJson.propertyValue(r.body());
        }
        catch (SandboxRequest.BadRequest e) {
            return JiraJson.operationMessage(400, e.getMessage());
        }
        boolean created = site.appProperties().put(addon, key, value);
        return created ? JiraJson.operationMessage(201, "Property created.")
                : JiraJson.operationMessage(200, "Property updated.");
    }

    private SandboxResponse appDelete(SandboxRequest r, String addon) {
        String key = r.pathVariable("propertyKey");
        return site.appProperties().delete(addon, key) ? SandboxResponse.empty(204)
                : JiraJson.operationMessage(404, "Property with key not found.");
    }

    // ---- bulk set on issues and its task
    // ---------------------------------------------------------------------

    private SandboxResponse setMulti(SandboxRequest r) {
        JsonNode issues = JiraJson.parseObject(r.body()).get("issues");
        if (issues == null || !issues.isArray() || issues.isEmpty() || issues.size() > 100) {
            throw new SandboxRequest.BadRequest("Between 1 and 100 issues must be provided.");
        }
        Map<Long, Map<String, Object>> updates = new LinkedHashMap<>();
        for (JsonNode entry : issues) {
            JsonNode props = entry.get("properties");
            if (!entry.hasNonNull("issueID") || props == null || !props.isObject() || props.isEmpty()
                    || props.size() > 10) {
                throw new SandboxRequest.BadRequest("Each issue needs an issueID and between 1 and 10 properties.");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> p = it.next();
                values.put(validKey(p.getKey(), 255), JiraJson.plain(p.getValue()));
            }
            updates.put(entry.get("issueID").asLong(), values);
        }
        List<Long> unknown = new ArrayList<>();
        updates.forEach((issueId, values) -> {
            if (site.issueById(issueId).isEmpty())
                unknown.add(issueId);
            else
                values.forEach((k, v) -> site.issueProperties().put(String.valueOf(issueId), k, v));
        });
        String taskId = String.valueOf(nextTaskId++);
        tasks.put(taskId, taskJson(r, taskId, unknown));
        return SandboxResponse.empty(303).withHeader("Location", r.baseUrl() + "/rest/api/3/task/" + taskId);
    }

    private ObjectNode taskJson(SandboxRequest r, String taskId, List<Long> unknown) {
        long millis = site.now().toEpochMilli();
        ObjectNode task = JiraJson.object()
            .put("self", r.baseUrl() + "/rest/api/3/task/" + taskId)
            .put("id", taskId)
            .put("description", "Issue entity property bulk set")
            .put("status", unknown.isEmpty() ? "COMPLETE" : "FAILED")
            .put("message", unknown.isEmpty() ? "Entity properties set." : "Issues not found: " + unknown)
            .put("progress", 100)
            .put("elapsedRuntime", 1)
            .put("submitted", millis)
            .put("started", millis)
            .put("finished", millis + 1)
            .put("lastUpdate", millis + 1)
            .put("submittedBy", 0);
        if (!unknown.isEmpty()) {
            ArrayNode failed = task.putObject("result").putArray("failedIssueIds");
            unknown.forEach(failed::add);
        }
        return task;
    }

    private SandboxResponse task(SandboxRequest r) {
        ObjectNode task = tasks.get(r.pathVariable("taskId"));
        return task == null
                ? JiraJson.errors(404, "The task with id '" + r.pathVariable("taskId") + "' does not exist.")
                : JiraJson.ok(task);
    }

    // ---- shapes
    // ----------------------------------------------------------------------------------------------

    private static ObjectNode property(String key, Object value) {
        ObjectNode node = JiraJson.object().put("key", key);
        node.set("value", JiraJson.tree(value));
        return node;
    }

    private static String validKey(String key, int maxLength) {
        if (key.isEmpty() || key.length() > maxLength) {
            throw new SandboxRequest.BadRequest("The property key must be between 1 and " + maxLength + " characters.");
        }
        return key;
    }

}
