package dev.throughline.support;

import dev.throughline.jira.JiraClients;
import dev.throughline.jira.PropertyTarget;
import dev.throughline.jira.PropertyValue;
import dev.throughline.tenant.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Test-only endpoints: who the app thinks is calling (one page-style, one iframe API),
 * and an issue-property read/write through the caller's own Jira client, for the
 * tenant-isolation tests.
 */
@RestController
public class ProbeController {

    private final JiraClients jira;

    public ProbeController(JiraClients jira) {
        this.jira = jira;
    }

    @GetMapping("/probe/page")
    Map<String, String> page(Caller caller) {
        return describe(caller);
    }

    @GetMapping("/api/probe/whoami")
    Map<String, String> api(Caller caller) {
        return describe(caller);
    }

    @GetMapping("/api/probe/issues/{issueKey}/properties/{propertyKey}")
    ResponseEntity<String> readProperty(Caller caller, @PathVariable String issueKey,
            @PathVariable String propertyKey) {
        return jira.forSite(caller.site())
            .getProperty(PropertyTarget.issue(issueKey), propertyKey)
            .map(value -> ResponseEntity.ok().header("Content-Type", "application/json").body(value.json()))
            .orElse(ResponseEntity.notFound().build());
    }

    @PutMapping("/api/probe/issues/{issueKey}/properties/{propertyKey}")
    ResponseEntity<Void> writeProperty(Caller caller, @PathVariable String issueKey, @PathVariable String propertyKey,
            @RequestBody String json) {
        jira.forSite(caller.site())
            .putProperty(PropertyTarget.issue(issueKey), propertyKey, PropertyValue.ofJson(json));
        return ResponseEntity.noContent().build();
    }

    private static Map<String, String> describe(Caller caller) {
        return Map.of("clientKey", caller.site().clientKey(), "baseUrl", caller.site().baseUrl().toString(),
                "accountId", caller.accountId().orElse(""));
    }

}
