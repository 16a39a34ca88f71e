package dev.throughline.scoring.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.throughline.coordination.ChangeFeed;
import dev.throughline.jira.JiraClient;
import dev.throughline.scoring.ModelCatalog;
import dev.throughline.scoring.ScoringSettings;
import dev.throughline.scoring.store.ScoringJiraStore;
import dev.throughline.tenant.Site;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * A site's scoring settings, read from Jira at most every 30 seconds: the panel's live
 * preview evaluates on every keystroke and must not cost a Jira call each time. Saving
 * through {@link #save} refreshes this instance at once and the others through the change
 * feed.
 */
@Component
class ScoringSettingsCache {

    private final ScoringJiraStore store;

    private final Cache<String, ScoringSettings> cache = Caffeine.newBuilder()
        .expireAfterWrite(Duration.ofSeconds(30))
        .maximumSize(10_000)
        .build();

    static final String TOPIC = "scoring.settings";

    private final ChangeFeed feed;

    public ScoringSettingsCache(ScoringJiraStore store, ChangeFeed feed) {
        this.store = store;
        this.feed = feed;
        feed.subscribe(TOPIC, change -> cache.invalidate(change.siteKey()));
    }

    public ScoringSettings settings(Site site, JiraClient client) {
        return cache.get(site.clientKey(), key -> store.settings(client));
    }

    /** Read from Jira, not the cache: what a read-modify-write must start from. */
    public ScoringSettings current(Site site, JiraClient client) {
        ScoringSettings current = store.settings(client);
        cache.put(site.clientKey(), current);
        return current;
    }

    public ModelCatalog catalog(Site site, JiraClient client) {
        return settings(site, client).catalog();
    }

    public void save(Site site, JiraClient client, ScoringSettings settings) {
        store.saveSettings(client, settings);
        cache.put(site.clientKey(), settings);
        feed.publish(site.clientKey(), TOPIC, "");
    }

}
