package dev.throughline.program.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.throughline.jira.IssueFields;
import dev.throughline.jira.JiraIssue;
import dev.throughline.readmodel.service.IssueEvents;
import dev.throughline.tenant.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

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
        String projectKey = issueNode.path("fields").path("project").path("key").asText("");
        if (projectKey.isEmpty()) {
            LOG.debug("Ignoring an issue event from {}: no issue.fields.project.key", site.clientKey());
            return 0;
        }
        Set<String> touched = new LinkedHashSet<>(Set.of(projectKey));
        issue(issueNode).ifPresent(issue -> touched
            .addAll(deleted ? events.deleted(site.clientKey(), issue) : events.changed(site.clientKey(), issue)));
        int dropped = touched.stream().mapToInt(p -> rollups.invalidateProject(site, p)).sum();
        LOG.debug("Issue event in {} on {}: dropped {} cached program rollups", touched, site.clientKey(), dropped);
        return dropped;
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
