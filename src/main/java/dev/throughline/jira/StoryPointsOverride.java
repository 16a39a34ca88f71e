package dev.throughline.jira;

import dev.throughline.tenant.Site;

import java.util.Optional;

/**
 * A site's own choice of story points field, when a Jira administrator overrode
 * discovery. When a bean of this type exists, every client {@link JiraClients} hands out
 * answers {@link JiraClient#storyPointsFieldId()} (and the per-board variant) with it, so
 * features need not know that the setting exists.
 */
@FunctionalInterface
public interface StoryPointsOverride {

    /**
     * The overriding field id; empty to let discovery decide. Called on every lookup, so
     * it must be cheap.
     */
    Optional<String> fieldId(Site site);

}
