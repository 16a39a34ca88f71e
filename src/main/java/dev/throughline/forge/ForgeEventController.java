package dev.throughline.forge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.throughline.program.service.JiraEventIntake;
import dev.throughline.tenant.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Jira's product events sent by the manifest's triggers (issue created / updated /
 * deleted, issue link created / deleted): the Forge counterpart of the Connect webhooks,
 * with the same effect through the same {@link JiraEventIntake}: the read model takes
 * what the event carries and the cached rollups it touches are dropped; anything else is
 * ignored. Nothing is read from Jira here, so the answer (204) is immediate, inside
 * Forge's 5 s for events.
 */
@RestController
class ForgeEventController {

    private static final Logger log = LoggerFactory.getLogger(ForgeEventController.class);

    private final JiraEventIntake intake;

    ForgeEventController(JiraEventIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/forge/events/jira")
    ResponseEntity<Void> receive(Caller caller, @RequestBody(required = false) JsonNode event) {
        JsonNode payload = event == null ? MissingNode.getInstance() : event;
        String type = payload.path("eventType").asText("");
        if (type.endsWith(":issue")) {
            // Forge's issue carries a few fields only (no points, parent, versions,
            // links)
            intake.issueEvent(caller.site(), type.equals("avi:jira:deleted:issue"), payload.path("issue"), false);
        }
        else if (type.endsWith(":issuelink")) {
            intake.linkEvent(caller.site(), type.equals("avi:jira:created:issuelink"), payload.path("issueLink"));
        }
        else {
            log.debug("Ignoring Forge event '{}' from {}", type, caller.site().clientKey());
        }
        return ResponseEntity.noContent().build();
    }

}
