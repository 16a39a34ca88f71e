package dev.throughline.program.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.throughline.program.service.JiraEventIntake;
import dev.throughline.tenant.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * Jira's webhooks (descriptor {@code webhooks}: issue created / updated / deleted, issue
 * link created / deleted, issue property set / deleted), signed by Jira with a
 * request-bound JWT that ACSB verifies like any page URL. What they carry goes into the
 * read model (through {@link JiraEventIntake}: applied when the event carries the issue's
 * facts, else the issue is re-read at the next view) and the cached program rollups they
 * touch are dropped; nothing is read from Jira here, so the answer (204) is immediate.
 * <ul>
 * <li>issue events: the cached rollups of the programs that read
 * {@code issue.fields.project.key} are dropped.</li>
 * <li>issue link events name no project (only issue ids), so every cached rollup of the
 * site is dropped.</li>
 * <li>issue property events (set or deleted, by any caller) of the score and theme link
 * properties are applied to the read model (property writes change no {@code updated});
 * the cached rollups of the issue's project are dropped.</li>
 * <li>anything else (unknown event, missing project, unreadable body) is ignored and
 * logged at debug.</li>
 * </ul>
 */
@RestController
class WebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookController.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JiraEventIntake intake;

    WebhookController(JiraEventIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/webhooks/jira")
    ResponseEntity<Void> receive(Caller caller, @RequestBody(required = false) String body) {
        JsonNode payload = parse(body);
        String event = payload.path("webhookEvent").asText("");
        if (event.startsWith("jira:issue_")) {
            intake.issueEvent(caller.site(), event.equals("jira:issue_deleted"), payload.path("issue"));
        }
        else if (event.startsWith("issue_property_")) {
            intake.propertyEvent(caller.site(), event.equals("issue_property_deleted"), payload);
        }
        else if (event.startsWith("issuelink_")) {
            intake.linkEvent(caller.site(), event.equals("issuelink_created"), payload.path("issueLink"));
        }
        else {
            LOG.debug("Ignoring webhook event '{}' from {}", event, caller.site().clientKey());
        }
        return ResponseEntity.noContent().build();
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        }
        catch (IOException e) {
            LOG.debug("Ignoring a webhook body that is not JSON: {}", e.getMessage());
            return JSON.createObjectNode();
        }
    }

}
