package dev.throughline.program.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.throughline.jira.IssueFields;
import dev.throughline.jira.JiraIssue;
import dev.throughline.program.service.ProgramRollupService;
import dev.throughline.readmodel.service.IssueEvents;
import dev.throughline.tenant.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Jira's webhooks (descriptor {@code webhooks}: issue created / updated / deleted, issue
 * link created / deleted), signed by Jira with a request-bound JWT that ACSB verifies
 * like any page URL. What they carry goes into the read model ({@link IssueEvents}:
 * applied when the event carries the issue's facts, else the issue is re-read at the next
 * view) and the cached program rollups they touch are dropped; nothing is read from Jira
 * here, so the answer (204) is immediate.
 * <ul>
 * <li>issue events: the cached rollups of the programs that read
 * {@code issue.fields.project.key} are dropped.</li>
 * <li>issue link events name no project (only issue ids), so every cached rollup of the
 * site is dropped.</li>
 * <li>anything else (unknown event, missing project, unreadable body) is ignored and
 * logged at debug.</li>
 * </ul>
 */
@RestController
class WebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookController.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProgramRollupService rollups;

    private final IssueEvents events;

    WebhookController(ProgramRollupService rollups, IssueEvents events) {
        this.rollups = rollups;
        this.events = events;
    }

    @PostMapping("/webhooks/jira")
    ResponseEntity<Void> receive(Caller caller, @RequestBody(required = false) String body) {
        JsonNode payload = parse(body);
        String event = payload.path("webhookEvent").asText("");
        if (event.startsWith("jira:issue_")) {
            String projectKey = payload.path("issue").path("fields").path("project").path("key").asText("");
            if (projectKey.isEmpty()) {
                LOG.debug("Ignoring {} from {}: no issue.fields.project.key", event, caller.site().clientKey());
            }
            else {
                Set<String> touched = new LinkedHashSet<>(Set.of(projectKey));
                issue(payload.path("issue")).ifPresent(issue -> touched
                    .addAll(event.equals("jira:issue_deleted") ? events.deleted(caller.site().clientKey(), issue)
                            : events.changed(caller.site().clientKey(), issue)));
                int dropped = touched.stream().mapToInt(p -> rollups.invalidateProject(caller.site(), p)).sum();
                LOG.debug("{} in {} on {}: dropped {} cached program rollups", event, touched,
                        caller.site().clientKey(), dropped);
            }
        }
        else if (event.startsWith("issuelink_")) {
            JsonNode link = payload.path("issueLink");
            events.linked(caller.site().clientKey(), event.equals("issuelink_created"),
                    link.path("sourceIssueId").asLong(), link.path("destinationIssueId").asLong(),
                    link.path("issueLinkType").path("name").asText(""));
            int dropped = rollups.invalidateSite(caller.site());
            LOG.debug("{} on {}: dropped {} cached program rollups", event, caller.site().clientKey(), dropped);
        }
        else {
            LOG.debug("Ignoring webhook event '{}' from {}", event, caller.site().clientKey());
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * The event's issue as a search would return it (id, key, fields; no properties), or
     * empty when it names none Jira could have sent.
     */
    private static Optional<JiraIssue> issue(JsonNode issue) {
        try {
            Map<String, Object> fields = JSON.convertValue(issue.path("fields"), new TypeReference<>() {
            });
            return Optional.of(new JiraIssue(issue.path("id").asText(""), issue.path("key").asText(""),
                    IssueFields.of(fields == null ? Map.of() : fields), Map.of()));
        }
        catch (IllegalArgumentException unusable) {
            LOG.debug("Webhook issue without a usable id or key: {}", unusable.getMessage());
            return Optional.empty();
        }
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
