package dev.throughline.jira;

import org.springframework.http.HttpMethod;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Entity properties of issues, projects and the app, one at a time; the app's live under
 * its addon key.
 */
final class EntityProperties {

    private final JiraHttp http;

    private final String addonKey;

    EntityProperties(JiraHttp http, String addonKey) {
        this.http = http;
        this.addonKey = Checks.notBlank("addon key", addonKey);
    }

    Optional<PropertyValue> get(PropertyTarget target, String propertyKey) {
        return http.getIfFound(path(target), vars(target, propertyKey))
            .map(answer -> PropertyValue.of(answer.path("value")));
    }

    void put(PropertyTarget target, String propertyKey, PropertyValue value) {
        http.send(HttpMethod.PUT, path(target), value, vars(target, propertyKey));
    }

    void delete(PropertyTarget target, String propertyKey) {
        try {
            http.send(HttpMethod.DELETE, path(target), null, vars(target, propertyKey));
        }
        catch (JiraNotFoundException alreadyGone) {
            // the goal, no such property, holds
        }
    }

    private static String path(PropertyTarget target) {
        return switch (target.kind()) {
            case ISSUE -> "/rest/api/3/issue/{target}/properties/{propertyKey}";
            case PROJECT -> "/rest/api/3/project/{target}/properties/{propertyKey}";
            case APP -> "/rest/atlassian-connect/1/addons/{target}/properties/{propertyKey}";
        };
    }

    private Map<String, Object> vars(PropertyTarget target, String propertyKey) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("target", target.kind() == PropertyTarget.Kind.APP ? addonKey : target.idOrKey());
        vars.put("propertyKey", Checks.propertyKey(propertyKey));
        return vars;
    }

}
