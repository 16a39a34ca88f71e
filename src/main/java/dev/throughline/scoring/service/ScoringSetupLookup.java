package dev.throughline.scoring.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.scoring.ScoringSettings;
import dev.throughline.scoring.ScoringSetupReader;
import dev.throughline.scoring.store.ScoringJiraStore;
import dev.throughline.tenant.Site;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Scoring's answer to other features' {@link ScoringSetupReader} questions: the cache and
 * the store behind it.
 */
@Component
class ScoringSetupLookup implements ScoringSetupReader {

    private final ScoringSettingsCache settings;

    private final ScoringJiraStore store;

    ScoringSetupLookup(ScoringSettingsCache settings, ScoringJiraStore store) {
        this.settings = settings;
        this.store = store;
    }

    @Override
    public ScoringSettings settings(Site site, JiraClient jira) {
        return settings.settings(site, jira);
    }

    @Override
    public Optional<String> defaultModel(JiraClient jira, String projectKey) {
        return store.defaultModel(jira, projectKey);
    }

}
