package dev.throughline.program.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.throughline.jira.IssueFields;
import dev.throughline.jira.JiraIssue;
import dev.throughline.readmodel.PropertyChange;
import dev.throughline.readmodel.service.IssueEvents;
import dev.throughline.tenant.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an issue or issue-link event from Jira means for the read model and the cached
 * program rollups, whichever door brought it (Connect webhooks, Forge triggers): both
 * carry the issue as a search returns it and a link by its issue ids, so one intake gives
 * both doors the same effect. Nothing is read from Jira here.
 */
@Component
public class JiraEventIntake {

    private static final Logger LOG = LoggerFactory.getLogger(JiraEventIntake.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProgramRollupService rollups;

    private final IssueEvents events;

    JiraEventIntake(ProgramRollupService rollups, IssueEvents events) {
        this.rollups = rollups;
        this.events = events;
    }

    /**
     * An issue was created, updated or deleted: its facts go into the read model (applied
     * when the event carries them, else the issue is re-read at the next view) and the
     * cached rollups of the programs reading its project (and a project it left) are
     * dropped.
     * @return how many cached rollups were dropped
     */
    public int issueEvent(Site site, boolean deleted, JsonNode issueNode) {
        return issueEvent(site, deleted, issueNode, true);
    }

    /**
     * The same; {@code carriesEveryField} false for Forge's issue events, whose issue
     * carries a few fields only: the issue is read again at the next view
     * ({@link IssueEvents#changed(String, JiraIssue, boolean)}).
     */
    public int issueEvent(Site site, boolean deleted, JsonNode issueNode, boolean carriesEveryField) {
        String projectKey = issueNode.path("fields").path("project").path("key").asText("");
        if (projectKey.isEmpty()) {
            LOG.debug("Ignoring an issue event from {}: no issue.fields.project.key", site.clientKey());
            return 0;
        }
        Set<String> touched = new LinkedHashSet<>(Set.of(projectKey));
        issue(issueNode).ifPresent(issue -> touched.addAll(deleted ? events.deleted(site.clientKey(), issue)
                : events.changed(site.clientKey(), issue, carriesEveryField)));
        int dropped = touched.stream().mapToInt(p -> rollups.invalidateProject(site, p)).sum();
        LOG.debug("Issue event in {} on {}: dropped {} cached program rollups", touched, site.clientKey(), dropped);
        return dropped;
    }

    /**
     * An issue property was set or deleted ({@code issue_property_set},
     * {@code issue_property_deleted}): applied to the read model when it is one the read
     * model keeps and the event says what the property now is (Atlassian documents no
     * payload for these events; read: {@code property.key} or {@code propertyKey},
     * {@code property.value} as JSON or as JSON text, {@code issue.id} and {@code key},
     * {@code issue.fields.project.key} when sent, {@code timestamp}); the cached rollups
     * of the issue's project are dropped.
     * @return how many cached rollups were dropped
     */
    public int propertyEvent(Site site, boolean deleted, JsonNode payload) {
        Optional<PropertyChange> change = propertyChange(deleted, payload);
        if (change.isEmpty()) {
            LOG.debug("Ignoring a property event from {}: no issue id or property key", site.clientKey());
            return 0;
        }
        return events.propertyChanged(site.clientKey(), change.get())
            .stream()
            .mapToInt(p -> rollups.invalidateProject(site, p))
            .sum();
    }

    private static Optional<PropertyChange> propertyChange(boolean deleted, JsonNode payload) {
        JsonNode issue = payload.path("issue");
        long id = issue.path("id").asLong(payload.path("issueId").asLong(0));
        String key = payload.path("property").path("key").asText(payload.path("propertyKey").asText(""));
        if (id <= 0 || key.isEmpty()) {
            return Optional.empty();
        }
        JsonNode sent = payload.path("property").path("value");
        if (sent.isTextual()) {
            try {
                sent = JSON.readTree(sent.asText()); // some deliveries carry the value as
                                                     // JSON text
            }
            catch (IOException notJson) {
                LOG.debug("A property value that is no JSON: read as no value");
            }
        }
        Optional<Map<String, Object>> value = sent.isObject()
                ? Optional.of(JSON.convertValue(sent, new TypeReference<Map<String, Object>>() {
                })) : Optional.empty();
        String project = issue.path("fields").path("project").path("key").asText("");
        long at = payload.path("timestamp").asLong(0);
        return Optional.of(new PropertyChange(id, issue.path("key").asText(""),
                project.isEmpty() ? Optional.empty() : Optional.of(project), key, deleted, !sent.isMissingNode(), value,
                at > 0 ? Optional.of(Instant.ofEpochMilli(at)) : Optional.empty()));
    }

    /**
     * An issue link was created or deleted. It names no project (only issue ids), so
     * every cached rollup of the site is dropped.
     * @return how many cached rollups were dropped
     */
    public int linkEvent(Site site, boolean created, JsonNode link) {
        events.linked(site.clientKey(), created, link.path("sourceIssueId").asLong(),
                link.path("destinationIssueId").asLong(), link.path("issueLinkType").path("name").asText(""));
        int dropped = rollups.invalidateSite(site);
        LOG.debug("Link event on {}: dropped {} cached program rollups", site.clientKey(), dropped);
        return dropped;
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
            LOG.debug("Event issue without a usable id or key: {}", unusable.getMessage());
            return Optional.empty();
        }
    }

}
