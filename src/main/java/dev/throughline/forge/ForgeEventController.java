package dev.throughline.forge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.throughline.program.service.ProgramRollupService;
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
 * with the same effect. An issue event drops the cached program rollups of its project
 * ({@code issue.fields.project.key}); a link event names no project, so every cached
 * rollup of the site is dropped; anything else is ignored. Nothing is read from Jira
 * here, so the answer (204) is immediate, inside Forge's 5 s for events.
 */
@RestController
class ForgeEventController {

    private static final Logger log = LoggerFactory.getLogger(ForgeEventController.class);

    private final ProgramRollupService rollups;

    ForgeEventController(ProgramRollupService rollups) {
        this.rollups = rollups;
    }

    @PostMapping("/forge/events/jira")
    ResponseEntity<Void> receive(Caller caller, @RequestBody(required = false) JsonNode event) {
        JsonNode payload = event == null ? MissingNode.getInstance() : event;
        String type = payload.path("eventType").asText("");
        if (type.endsWith(":issue")) {
            String projectKey = payload.path("issue").path("fields").path("project").path("key").asText("");
            if (!projectKey.isEmpty()) {
                int dropped = rollups.invalidateProject(caller.site(), projectKey);
                log.debug("{} in {} on {}: dropped {} cached program rollups", type, projectKey,
                        caller.site().clientKey(), dropped);
            }
        }
        else if (type.endsWith(":issuelink")) {
            rollups.invalidateSite(caller.site());
        }
        else {
            log.debug("Ignoring Forge event '{}' from {}", type, caller.site().clientKey());
        }
        return ResponseEntity.noContent().build();
    }

}
