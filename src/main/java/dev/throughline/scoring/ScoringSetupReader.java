package dev.throughline.scoring;

import dev.throughline.jira.JiraClient;
import dev.throughline.tenant.Site;

import java.util.Optional;

/**
 * What other features may read of a site's scoring setup: its models and scorecards, and
 * a project's default model. Features depend on this, never on how scoring stores or
 * caches them ({@code scoring.store}, {@code scoring.service}).
 */
public interface ScoringSetupReader {

    /** The site's scoring settings (models and scorecards), cached for a short time. */
    ScoringSettings settings(Site site, JiraClient jira);

    /** The model a project's unscored issues start with, if its admin chose one. */
    Optional<String> defaultModel(JiraClient jira, String projectKey);

}
