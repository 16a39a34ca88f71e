package dev.throughline.scoring.service;

import dev.throughline.coordination.KeyedLocks;
import dev.throughline.problems.JiraKeys;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClients;
import dev.throughline.problems.NotAllowedException;
import dev.throughline.scoring.Scorecard;
import dev.throughline.scoring.ScorecardDefinition;
import dev.throughline.scoring.ScoringModel;
import dev.throughline.scoring.ScoringSettings;
import dev.throughline.scoring.store.ScoringJiraStore;
import dev.throughline.tenant.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.List;

/** The models a site scores with, and site admins' custom scorecards. */
@Service
public class ScoringModelsService {

    private static final Logger LOG = LoggerFactory.getLogger(ScoringModelsService.class);

    private final JiraClients jira;

    private final ScoringSettingsCache settings;

    private final ScoringJiraStore store;

    private final KeyedLocks locks;

    public ScoringModelsService(JiraClients jira, ScoringSettingsCache settings, ScoringJiraStore store,
            KeyedLocks locks) {
        this.jira = jira;
        this.locks = locks;
        this.settings = settings;
        this.store = store;
    }

    /**
     * Sets the model a project's unscored issues start with; Jira administrators only,
     * model must exist.
     */
    public String setDefaultModel(Caller caller, String projectKey, String modelId) {
        JiraKeys.requireProjectKey("projectKey", projectKey);
        JiraClient client = jira.forSite(caller.site());
        settings.catalog(caller.site(), client).require(modelId);
        if (!client.isAdministrator(caller.requireAccountId())) {
            throw new NotAllowedException("Only Jira administrators can set a project's default model.");
        }
        locks.withLock(caller.site().clientKey(), "default-model:" + projectKey,
                () -> store.saveDefaultModel(client, projectKey, modelId));
        // settings changes are traceable in the server log (who, where)
        LOG.info("Default model of project {} set to {} on site {} ({}) by account {}", projectKey, modelId,
                caller.site().clientKey(), caller.site().baseUrl(), caller.requireAccountId());
        return modelId;
    }

    public List<ScoringModel> models(Caller caller) {
        return settings.catalog(caller.site(), jira.forSite(caller.site())).models();
    }

    /**
     * Creates or changes a scorecard; only Jira administrators may. Input is checked
     * before Jira is asked anything, so a bad definition never reaches Jira. A change
     * bumps the scorecard's version; stored scores follow when they are next read.
     */
    public Scorecard saveScorecard(Caller caller, String id, ScorecardDefinition definition) {
        JiraClient client = jira.forSite(caller.site());
        if (!client.isAdministrator(caller.requireAccountId())) {
            throw new NotAllowedException("Only Jira administrators can change scorecards.");
        }
        return locks.withLock(caller.site().clientKey(), ScoringSettingsCache.TOPIC, () -> {
            ScoringSettings current = settings.current(caller.site(), client);
            ScoringSettings updated = current.withScorecard(id, definition.name(), definition.form(),
                    definition.criteria());
            settings.save(caller.site(), client, updated);
            Scorecard saved = updated.scorecard(id).orElseThrow();
            // a changed scorecard rescores every issue scored with it
            LOG.info("Scorecard {} \"{}\" saved (version {}) on site {} ({}) by account {}", id, saved.name(),
                    saved.version(), caller.site().clientKey(), caller.site().baseUrl(), caller.requireAccountId());
            return saved;
        });
    }

}
