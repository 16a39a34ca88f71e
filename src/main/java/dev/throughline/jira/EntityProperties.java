package dev.throughline.jira;

import org.springframework.http.HttpMethod;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Entity properties of issues, projects and the app, one at a time. Issue and project
 * properties are the same for both doors; the app's own live under the Connect add-on's
 * key, or, for a Forge installation, under Forge's app properties (the one store of
 * themes, programs, settings and scorecards either way).
 */
final class EntityProperties {

    private static final String FORGE_APP_PROPERTY = "/rest/forge/1/app/properties/{propertyKey}";

    private final JiraHttp http;

    private final Optional<String> connectAddonKey;

    EntityProperties(JiraHttp http, Optional<String> connectAddonKey) {
        this.http = http;
        this.connectAddonKey = connectAddonKey.map(key -> Checks.notBlank("addon key", key));
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

    private String path(PropertyTarget target) {
        return switch (target.kind()) {
            case ISSUE -> "/rest/api/3/issue/{target}/properties/{propertyKey}";
            case PROJECT -> "/rest/api/3/project/{target}/properties/{propertyKey}";
            case APP -> connectAddonKey.isPresent()
                    ? "/rest/atlassian-connect/1/addons/{target}/properties/{propertyKey}" : FORGE_APP_PROPERTY;
        };
    }

    private Map<String, Object> vars(PropertyTarget target, String propertyKey) {
        Map<String, Object> vars = new LinkedHashMap<>();
        if (target.kind() != PropertyTarget.Kind.APP) {
            vars.put("target", target.idOrKey());
        }
        else {
            connectAddonKey.ifPresent(key -> vars.put("target", key));
        }
        vars.put("propertyKey", Checks.propertyKey(propertyKey));
        return vars;
    }

}
